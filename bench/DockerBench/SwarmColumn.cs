using System.Diagnostics;
using System.Text.Json.Nodes;
using Actors.NodeAgent.Docker;

namespace Actors.DockerBench;

/// <summary>
/// Docker Swarm on the same engine, driven through the engine API as <c>docker service create/update</c> does.
/// The image goes by its ID, so Swarm never asks a registry (the CLI's <c>--no-resolve-image</c>). Restart and
/// update settings are Swarm's defaults except the update batch, set to the Deployment's surge of 3 with
/// start-first order.
/// </summary>
internal sealed class SwarmColumn(EngineApi engine, DockerClient docker, Scenario scenario) : IColumn
{
    public const string Label = "Swarm";

    public string Name => Label;

    public async Task<TimeSpan> CreateAsync(string service, int replicas)
    {
        var clock = Stopwatch.StartNew();
        await engine.PostAsync("services/create", Spec(service, replicas));
        var elapsed = await Poll.UntilAsync($"{service} running", clock, async () => (await RunningTasksAsync(service)).Count == replicas);
        await RemoveAsync(service);
        return elapsed;
    }

    public async Task<TimeSpan> RollingUpdateAsync(string run)
    {
        var service = run;
        var desired = Scenario.RollingReplicas;
        await engine.PostAsync("services/create", Spec(service, desired));
        await Poll.UntilAsync($"{service} running", Stopwatch.StartNew(), async () => (await RunningTasksAsync(service)).Count == desired);

        // Both tags are one image ID, so a new image would not change the spec: ForceUpdate replaces every task instead.
        var current = await engine.GetAsync($"services/{service}");
        var spec = current!["Spec"]!.DeepClone();
                var force = (spec["TaskTemplate"]!["ForceUpdate"]?.GetValue<int>() ?? 0) + 1;
        spec["TaskTemplate"]!["ForceUpdate"] = force;
        var clock = Stopwatch.StartNew();
        await engine.PostAsync($"services/{service}/update?version={current["Version"]!["Index"]}", spec);
        var elapsed = await Poll.UntilAsync($"{service} updated", clock, async () =>
        {
            var running = await RunningTasksAsync(service);
            return running.Count == desired && running.All(t => t["Spec"]?["ForceUpdate"]?.GetValue<int>() == force);
        });
        await RemoveAsync(service);
        return elapsed;
    }

    public async Task<TimeSpan> SelfHealAsync(string run)
    {
        var service = run;
        await engine.PostAsync("services/create", Spec(service, 1));
        await Poll.UntilAsync($"{service} running", Stopwatch.StartNew(), async () => (await RunningTasksAsync(service)).Count == 1);
        var victim = ContainerId((await RunningTasksAsync(service))[0]);
        var clock = Stopwatch.StartNew();
        var killed = await docker.KillContainerAsync(victim, "KILL");
        if (!killed.IsOk)
        {
            throw new InvalidOperationException($"docker kill {victim}: {killed}");
        }
        var elapsed = await Poll.UntilAsync($"{service} replacement running", clock, async () =>
            (await RunningTasksAsync(service)).Any(t => ContainerId(t) != victim));
        await RemoveAsync(service);
        return elapsed;
    }

    private JsonObject Spec(string service, int replicas) => new()
    {
        ["Name"] = service,
        ["Labels"] = new JsonObject { [BenchScript.Label] = "swarm" },
        ["TaskTemplate"] = new JsonObject
        {
            ["ContainerSpec"] = new JsonObject
            {
                ["Image"] = scenario.ImageId,
                ["Command"] = new JsonArray([.. Scenario.Command.Select(c => (JsonNode?)c)]),
                ["Labels"] = new JsonObject { [BenchScript.Label] = "swarm" },
                ["StopGracePeriod"] = 1_000_000_000L,
            },
        },
        ["Mode"] = new JsonObject { ["Replicated"] = new JsonObject { ["Replicas"] = replicas } },
        ["UpdateConfig"] = new JsonObject { ["Parallelism"] = RollingStep.Quarter(Scenario.RollingReplicas).MaxSurge, ["Order"] = "start-first" },
    };

    /// <summary>Tasks that run and are meant to: what <c>docker service ps</c> shows as Running.</summary>
    private async Task<List<JsonNode>> RunningTasksAsync(string service)
    {
        var filters = Uri.EscapeDataString(new JsonObject { ["service"] = new JsonObject { [service] = true } }.ToJsonString());
        var tasks = (await engine.GetAsync($"tasks?filters={filters}"))!.AsArray();
        return [.. tasks.OfType<JsonNode>().Where(t =>
            (string?)t["Status"]?["State"] == "running" && (string?)t["DesiredState"] == "running")];
    }

    private static string ContainerId(JsonNode task) => (string?)task["Status"]?["ContainerStatus"]?["ContainerID"] ?? "";

    /// <summary>Removes the service and waits for its containers to go, so the next row starts on a quiet engine.</summary>
    private async Task RemoveAsync(string service)
    {
        await engine.DeleteAsync($"services/{service}");
        await Poll.UntilAsync($"{service} containers gone", Stopwatch.StartNew(), async () =>
            ((await docker.ListContainersAsync(all: true, [$"com.docker.swarm.service.name={service}"])).Value ?? []).Count == 0);
    }
}
