using System.Diagnostics;
using Actors.NodeAgent.Docker;

namespace Actors.DockerBench;

/// <summary>
/// The floor: the same containers created and started straight on the engine API (what <c>docker create</c> and
/// <c>docker start</c> send), no orchestrator, no sandbox. Running is read back with the engine's container list.
/// </summary>
internal sealed class RawColumn(DockerClient docker, Scenario scenario) : IColumn
{
    public const string Label = "raw docker";

    public string Name => Label;

    private const string RunLabel = "io.actors.bench.run";

    private const string ImageLabel = "io.actors.bench.image";

    public Task<TimeSpan> CreateAsync(string run, int replicas) => CreateAsync(run, replicas, parallel: true);

    /// <summary>The same containers created and started one after the other, as a shell loop of <c>docker run</c> would.</summary>
    public Task<TimeSpan> CreateInOrderAsync(string run, int replicas) => CreateAsync(run, replicas, parallel: false);

    private async Task<TimeSpan> CreateAsync(string run, int replicas, bool parallel)
    {
        var clock = Stopwatch.StartNew();
        var starting = parallel
            ? Task.WhenAll(Enumerable.Range(0, replicas).Select(i => StartAsync(run, i, scenario.Image)))
            : StartInOrderAsync(run, replicas);
        var elapsed = await Poll.UntilAsync($"{replicas} raw containers running", clock, async () => (await RunningAsync(run)).Count == replicas);
        await starting;
        await RemoveAsync(run);
        return elapsed;
    }

    /// <summary>
    /// The floor for Actors' pod shape: per replica a sandbox container holding the network, then the app container
    /// joined to it, replicas in parallel. Running counts the app containers.
    /// </summary>
    public async Task<TimeSpan> CreatePodShapedAsync(string run, int replicas)
    {
        var clock = Stopwatch.StartNew();
        var starting = Task.WhenAll(Enumerable.Range(0, replicas).Select(async i =>
        {
            var sandbox = await StartAsync($"{run}-sandbox", i, scenario.Image, new ContainerHostConfig());
            await StartAsync(run, i, scenario.Image, new ContainerHostConfig { NetworkMode = $"container:{sandbox}" });
        }));
        var elapsed = await Poll.UntilAsync($"{replicas} raw pods running", clock, async () => (await RunningAsync(run)).Count == replicas);
        await starting;
        await RemoveAsync(run);
        await RemoveAsync($"{run}-sandbox");
        return elapsed;
    }

    private async Task StartInOrderAsync(string run, int replicas)
    {
        for (var i = 0; i < replicas; i++)
        {
            await StartAsync(run, i, scenario.Image);
        }
    }

    /// <summary>Rounds of surge and removal as the Deployment controller would plan them, each waited for before the next.</summary>
    public async Task<TimeSpan> RollingUpdateAsync(string run)
    {
        var desired = Scenario.RollingReplicas;
        var old = new Queue<string>(await Task.WhenAll(Enumerable.Range(0, desired).Select(i => StartAsync(run, i, scenario.Image))));
        var (maxSurge, maxUnavailable) = RollingStep.Quarter(desired);
        var updated = 0;
        var clock = Stopwatch.StartNew();
        while (old.Count > 0 || updated < desired)
        {
            var (start, stop) = RollingStep.Next(desired, old.Count, updated, maxSurge, maxUnavailable);
            var stopping = Enumerable.Range(0, stop).Select(_ => old.Dequeue()).ToList();
            await Task.WhenAll(
                Task.WhenAll(Enumerable.Range(updated, start).Select(i => StartAsync(run, desired + i, scenario.UpdatedImage))),
                Task.WhenAll(stopping.Select(StopAsync)));
            updated += start;
        }
        var elapsed = await Poll.UntilAsync("rolling update done", clock, async () =>
            (await RunningAsync(run)).Count(c => c.Labels?.GetValueOrDefault(ImageLabel) == scenario.UpdatedImage) == desired);
        await RemoveAsync(run);
        return elapsed;
    }

    /// <summary>
    /// A supervisor polling the container and starting a replacement when it has stopped: what an orchestrator does,
    /// at its simplest. The dead one is left for the clean-up, as the orchestrators keep theirs for a while too.
    /// </summary>
    public async Task<TimeSpan> SelfHealAsync(string run)
    {
        var victim = await StartAsync(run, 0, scenario.Image);
        var clock = Stopwatch.StartNew();
        var killed = await docker.KillContainerAsync(victim, "KILL");
        if (!killed.IsOk)
        {
            throw new InvalidOperationException($"docker kill {victim}: {killed}");
        }
        string? replacement = null;
        var elapsed = await Poll.UntilAsync("replacement running", clock, async () =>
        {
            if (replacement is null)
            {
                if ((await docker.InspectContainerAsync(victim)).Value is { State.Running: true })
                {
                    return false;
                }
                replacement = await StartAsync(run, 1, scenario.Image);
            }
            return (await RunningAsync(run)).Any(c => c.Id == replacement);
        });
        await RemoveAsync(run);
        return elapsed;
    }

    private Task<string> StartAsync(string run, int index, string image) => StartAsync(run, index, image, new ContainerHostConfig());

    private async Task<string> StartAsync(string run, int index, string image, ContainerHostConfig host)
    {
        var request = new ContainerCreateRequest
        {
            Name = $"actors-bench-{run}-{index}",
            Image = image,
            Cmd = Scenario.Command,
            Labels = new Dictionary<string, string> { [BenchScript.Label] = "raw", [RunLabel] = run, [ImageLabel] = image },
            HostConfig = host,
        };
        var created = await docker.CreateContainerAsync(request);
        if (!created.IsOk)
        {
            throw new InvalidOperationException($"docker create {request.Name}: {created}");
        }
        var started = await docker.StartContainerAsync(created.Value!);
        return started.IsOk ? created.Value! : throw new InvalidOperationException($"docker start {request.Name}: {started}");
    }

    private async Task StopAsync(string id)
    {
        await docker.StopContainerAsync(id, TimeSpan.FromSeconds(1));
        await docker.RemoveContainerAsync(id, force: true);
    }

    private async Task<IReadOnlyList<ContainerSummary>> RunningAsync(string run) =>
        (await docker.ListContainersAsync(all: false, [$"{RunLabel}={run}"])).Value ?? [];

    private async Task RemoveAsync(string run)
    {
        var all = (await docker.ListContainersAsync(all: true, [$"{RunLabel}={run}"])).Value ?? [];
        await Task.WhenAll(all.Select(c => docker.RemoveContainerAsync(c.Id, force: true)));
    }
}
