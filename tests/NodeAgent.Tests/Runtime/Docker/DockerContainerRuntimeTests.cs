using System.Diagnostics;
using System.Threading.Channels;
using Actors.NodeAgent.Runtime;
using Actors.NodeAgent.Runtime.Docker;
using Actors.TestSupport;

namespace Actors.NodeAgent.Tests.Runtime.Docker;

[Trait("Category", "Docker")]
public sealed class DockerContainerRuntimeTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private static readonly string[] SleepCommand = ["sleep", "3600"];

    private readonly RuntimeNode _node = new();

    private DockerContainerRuntime Runtime => _node.Runtime;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _node.EnsureImageAsync();

    public ValueTask DisposeAsync() => _node.DisposeAsync();

    [Fact]
    public async Task Pod_containers_share_localhost_hostname_and_one_ip()
    {
        var pod = _node.NewPod("web");
        var httpd = RuntimeNode.Launch("httpd", ["httpd", "-f", "-p", "8080"]) with { WorkingDir = "/var/www" };
        var (sandbox, ids) = await _node.RunPodAsync(pod, httpd, RuntimeNode.Launch("client", SleepCommand));

        ExecOutcome? last = null;
        await Eventually.WaitAsync(
            "the client container to fetch index.html from httpd over the pod's localhost",
            async () =>
            {
                var exec = await Runtime.ExecAsync(ids[1], ["wget", "-qO-", "http://127.0.0.1:8080/"], TimeSpan.FromSeconds(5), Token);
                Assert.True(exec.IsOk, exec.ToString());
                last = exec.Value;
                return exec.Value is { ExitCode: 0 } && exec.Value.Output.Contains("actors busybox");
            },
            Deadline,
            () => $"last exec: {last}");

        var hostname = await Runtime.ExecAsync(ids[1], ["hostname"], TimeSpan.FromSeconds(5), Token);
        Assert.Equal("web", hostname.Value?.Output.Trim());
        var listed = Assert.Single(await Runtime.ListPodsAsync(Token));
        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", sandbox.PodIP);
        Assert.Equal((pod.Uid, "default", "web", sandbox.SandboxId, true, sandbox.PodIP),
            (listed.Uid, listed.Namespace, listed.Name, listed.SandboxId, listed.SandboxRunning, listed.PodIP));
        Assert.Equal([("client", ids[1], RuntimeContainerState.Running), ("httpd", ids[0], RuntimeContainerState.Running)],
            listed.Containers.Select(c => (c.Name, c.Id, c.State)));
        Assert.All(listed.Containers, c => Assert.StartsWith("sha256:", c.ImageId));
        Assert.All(listed.Containers, c => Assert.NotNull(c.StartedAt));
        var names = (await _node.EngineContainersAsync()).Select(c => c.Names.Single()).Order();
        Assert.Equal([$"/k8s_POD_web_default_{pod.Uid}_0", $"/k8s_client_web_default_{pod.Uid}_0", $"/k8s_httpd_web_default_{pod.Uid}_0"], names);
    }

    [Fact]
    public async Task A_fresh_runtime_for_the_same_node_adopts_its_pods()
    {
        var pod = _node.NewPod("adopt");
        var (sandbox, ids) = await _node.RunPodAsync(pod, RuntimeNode.Launch("app", SleepCommand));
        var before = await Runtime.ListPodsAsync(Token);

        var restarted = new DockerContainerRuntime(_node.Client, _node.NodeName, new DockerRuntimeOptions());
        var after = await restarted.ListPodsAsync(Token);
        var again = await restarted.RunPodSandboxAsync(pod, Token);

        Assert.Equal(Describe(before), Describe(after));
        var adopted = Assert.Single(after);
        Assert.Equal((sandbox.SandboxId, sandbox.PodIP, ids[0]), (adopted.SandboxId, adopted.PodIP, adopted.Containers.Single().Id));
        Assert.Equal(sandbox, again.Value);
        Assert.Equal(2, (await _node.EngineContainersAsync()).Count);
    }

    [Fact]
    public async Task A_dead_sandbox_is_replaced_by_the_next_attempt()
    {
        var pod = _node.NewPod("phoenix");
        var (first, _) = await _node.RunPodAsync(pod);
        var killed = await _node.Client.KillContainerAsync(first.SandboxId, "KILL", Token);
        Assert.True(killed.IsOk, killed.ToString());

        var second = await Runtime.RunPodSandboxAsync(pod, Token);

        Assert.True(second.IsOk, second.ToString());
        Assert.NotEqual(first.SandboxId, second.Value!.SandboxId);
        var engine = Assert.Single(await _node.EngineContainersAsync());
        Assert.Equal(($"/k8s_POD_phoenix_default_{pod.Uid}_1", "running"), (engine.Names.Single(), engine.State));
    }

    [Fact]
    public async Task A_missing_image_is_ImageNotPresent_and_a_local_image_is_never_pulled()
    {
        var pod = _node.NewPod("images");
        await _node.RunPodAsync(pod);
        var missing = $"actors/missing-{Guid.NewGuid():N}:1";

        var local = await Runtime.StartContainerAsync(pod, RuntimeNode.Launch("local", SleepCommand, pullPolicy: PullPolicy.Always), Token);
        Assert.True(local.IsOk, local.ToString());
        Assert.Equal(0, _node.Counting.Pulls);

        var never = await Runtime.StartContainerAsync(pod, RuntimeNode.Launch("never", SleepCommand, missing, PullPolicy.Never), Token);
        Assert.Equal(RuntimeFailure.ImageNotPresent, never.Failure);
        Assert.Contains(missing, never.Message);
        Assert.Equal(0, _node.Counting.Pulls);

        var pulled = await Runtime.StartContainerAsync(pod, RuntimeNode.Launch("pulled", SleepCommand, missing), Token);
        Assert.Equal(RuntimeFailure.ImageNotPresent, pulled.Failure);
        Assert.False(string.IsNullOrEmpty(pulled.Message));
        Assert.Equal(1, _node.Counting.Pulls);
        Assert.Equal(["local"], Assert.Single(await Runtime.ListPodsAsync(Token)).Containers.Select(c => c.Name));
    }

    [Fact]
    public async Task Sandbox_image_missing_is_ImageNotPresent_and_a_container_without_sandbox_NotFound()
    {
        await using var node = new RuntimeNode(new DockerRuntimeOptions { SandboxImage = $"actors/missing-{Guid.NewGuid():N}:1" });
        var pod = node.NewPod("nosandbox");

        var sandbox = await node.Runtime.RunPodSandboxAsync(pod, Token);
        var container = await node.Runtime.StartContainerAsync(pod, RuntimeNode.Launch("app", SleepCommand), Token);

        Assert.Equal(RuntimeFailure.ImageNotPresent, sandbox.Failure);
        Assert.Equal(RuntimeFailure.NotFound, container.Failure);
        Assert.Equal(0, node.Counting.Pulls);
        Assert.Empty(await node.EngineContainersAsync());
    }

    [Fact]
    public async Task RemovePod_stops_containers_ignoring_TERM_in_parallel_within_the_grace_period_and_leaves_nothing()
    {
        var pod = _node.NewPod("stubborn");
        string[] ignoreTerm = ["sh", "-c", "trap '' TERM; while true; do sleep 1; done"];
        await _node.RunPodAsync(pod, RuntimeNode.Launch("one", ignoreTerm), RuntimeNode.Launch("two", ignoreTerm));
        var grace = TimeSpan.FromSeconds(3);

        var watch = Stopwatch.StartNew();
        var removed = await Runtime.RemovePodAsync(pod.Uid, grace, Token);
        watch.Stop();

        Assert.True(removed.IsOk, removed.ToString());
        Assert.InRange(watch.Elapsed, grace - TimeSpan.FromMilliseconds(500), grace * 1.8);
        Assert.Empty(await _node.EngineContainersAsync());
        Assert.Empty(await Runtime.ListPodsAsync(Token));
        Assert.True((await Runtime.RemovePodAsync(pod.Uid, grace, Token)).IsOk, "removing a pod that is gone is success");
    }

    [Fact]
    public async Task Two_node_names_on_one_engine_never_see_or_touch_each_others_containers()
    {
        await using var other = new RuntimeNode();
        var mine = _node.NewPod("mine");
        var theirs = other.NewPod("theirs");
        await _node.RunPodAsync(mine, RuntimeNode.Launch("app", SleepCommand));
        var (_, theirIds) = await other.RunPodAsync(theirs, RuntimeNode.Launch("app", SleepCommand));

        Assert.Equal([mine.Uid], (await Runtime.ListPodsAsync(Token)).Select(p => p.Uid));
        Assert.Equal([theirs.Uid], (await other.Runtime.ListPodsAsync(Token)).Select(p => p.Uid));
        Assert.Equal(RuntimeFailure.NotFound, (await Runtime.StopContainerAsync(theirIds[0], TimeSpan.Zero, Token)).Failure);
        Assert.Equal(RuntimeFailure.NotFound, (await Runtime.RemoveContainerAsync(theirIds[0], Token)).Failure);
        Assert.Equal(RuntimeFailure.NotFound, (await Runtime.ExecAsync(theirIds[0], ["true"], TimeSpan.FromSeconds(5), Token)).Failure);
        Assert.Equal(RuntimeFailure.NotFound, (await Runtime.LogsAsync(theirIds[0], new ContainerLogQuery(), Token)).Failure);
        Assert.True((await Runtime.RemovePodAsync(theirs.Uid, TimeSpan.Zero, Token)).IsOk);
        var survivor = Assert.Single(await other.Runtime.ListPodsAsync(Token));
        Assert.True(survivor.SandboxRunning);
        Assert.Equal(RuntimeContainerState.Running, survivor.Containers.Single().State);
    }

    [Fact]
    public async Task A_docker_kill_is_watched_as_the_pods_uid_and_listed_as_exited_with_its_code()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var changes = Channel.CreateUnbounded<string>();
        var watching = Task.Run(async () =>
        {
            await foreach (var change in Runtime.WatchPodChangesAsync(stop.Token))
            {
                await changes.Writer.WriteAsync(change.PodUid, Token);
            }
        }, Token);
        await ArmAsync(changes);
        var pod = _node.NewPod("victim");
        var (_, ids) = await _node.RunPodAsync(pod, RuntimeNode.Launch("app", SleepCommand));
        await ExpectChangeAsync(changes, pod.Uid, "the container's start");

        var killed = await _node.Client.KillContainerAsync(ids[0], "KILL", Token);
        Assert.True(killed.IsOk, killed.ToString());
        await ExpectChangeAsync(changes, pod.Uid, "the container's death");

        var app = Assert.Single(Assert.Single(await Runtime.ListPodsAsync(Token), p => p.Uid == pod.Uid).Containers);
        Assert.Equal((RuntimeContainerState.Exited, 137, "Error"), (app.State, app.ExitCode, app.Reason));
        Assert.NotNull(app.FinishedAt);
        stop.Cancel();
        await watching.WaitAsync(Deadline, Token);
    }

    [Fact]
    public async Task Env_mounts_limits_and_command_reach_the_engine()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(directory.Path, "greeting"), "hello from the host", Token);
        var pod = _node.NewPod("configured");
        var launch = RuntimeNode.Launch("app", ["sh", "-c"]) with
        {
            Args = ["cat /config/greeting; echo \" $GREETING\"; touch /config/x || echo read-only; sleep 3600"],
            Env = [new("GREETING", "hi there")],
            Mounts = [new VolumeMount(directory.Path, "/config", ReadOnly: true)],
            MemoryLimitBytes = 64L << 20,
            CpuLimitMilli = 500,
            WorkingDir = "/tmp",
        };
        var (sandbox, ids) = await _node.RunPodAsync(pod, launch);

        var details = await _node.Client.InspectContainerAsync(ids[0], Token);
        Assert.True(details.IsOk, details.ToString());
        Assert.Contains("GREETING=hi there", details.Value.Config.Env ?? []);
        Assert.Equal(["sh", "-c"], details.Value.Config.Entrypoint);
        Assert.Equal("/tmp", details.Value.Config.WorkingDir);
        Assert.Equal([$"{directory.Path}:/config:ro"], details.Value.HostConfig.Binds);
        Assert.Equal((64L << 20, 500_000_000L), (details.Value.HostConfig.Memory, details.Value.HostConfig.NanoCpus));
        Assert.Equal($"container:{sandbox.SandboxId}", details.Value.HostConfig.NetworkMode);
        var lines = await ReadLogsAsync(ids[0], new ContainerLogQuery(), expected: 2);
        Assert.Equal(["hello from the host hi there", "read-only"], lines.Where(l => !l.StartsWith("touch:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Logs_return_the_output_with_tail_and_timestamps()
    {
        var pod = _node.NewPod("chatty");
        var (_, ids) = await _node.RunPodAsync(pod, RuntimeNode.Launch("app", ["sh", "-c", "echo one; echo two; echo three"]));
        await Eventually.WaitAsync(
            "the container to complete",
            async () => (await Runtime.ListPodsAsync(Token)).Single().Containers.Single() is { State: RuntimeContainerState.Exited, Reason: "Completed", ExitCode: 0 },
            Deadline);

        Assert.Equal(["one", "two", "three"], await ReadLogsAsync(ids[0], new ContainerLogQuery(), expected: 3));
        Assert.Equal(["three"], await ReadLogsAsync(ids[0], new ContainerLogQuery(TailLines: 1), expected: 1));
        var stamped = await ReadLogsAsync(ids[0], new ContainerLogQuery(Timestamps: true), expected: 3);
        Assert.All(stamped, l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z (one|two|three)$", l));
    }

    [Fact]
    public async Task Stop_and_remove_a_container_then_it_is_gone_from_the_pod()
    {
        var pod = _node.NewPod("shortlived");
        var (_, ids) = await _node.RunPodAsync(pod, RuntimeNode.Launch("app", ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]));

        var stopped = await Runtime.StopContainerAsync(ids[0], TimeSpan.FromSeconds(10), Token);
        var exited = Assert.Single(Assert.Single(await Runtime.ListPodsAsync(Token)).Containers);
        var removed = await Runtime.RemoveContainerAsync(ids[0], Token);

        Assert.True(stopped.IsOk, stopped.ToString());
        Assert.Equal((RuntimeContainerState.Exited, 0, "Completed"), (exited.State, exited.ExitCode, exited.Reason));
        Assert.True(removed.IsOk, removed.ToString());
        Assert.Empty(Assert.Single(await Runtime.ListPodsAsync(Token)).Containers);
        Assert.Equal(RuntimeFailure.NotFound, (await Runtime.RemoveContainerAsync(ids[0], Token)).Failure);
    }

    [Fact]
    public async Task Info_reports_the_engine_as_docker_with_capacity()
    {
        var info = await Runtime.TryInfoAsync(Token);

        Assert.True(info.IsOk, info.ToString());
        Assert.StartsWith("docker://", info.Value!.RuntimeVersion);
        Assert.True(info.Value.Cpus > 0 && info.Value.MemoryBytes > 0, info.Value.ToString());
        Assert.NotEmpty(info.Value.KernelVersion);
        Assert.NotEmpty(info.Value.Architecture);
    }

    [Fact]
    public async Task An_unreachable_engine_is_a_value_not_an_exception()
    {
        using var missing = new Actors.NodeAgent.Docker.DockerClient($"/tmp/no-docker-{Guid.NewGuid():N}.sock");
        var runtime = new DockerContainerRuntime(missing, _node.NodeName, new DockerRuntimeOptions());
        var pod = _node.NewPod("offline");

        Assert.Equal(RuntimeFailure.EngineUnavailable, (await runtime.TryListPodsAsync(Token)).Failure);
        Assert.Equal(RuntimeFailure.EngineUnavailable, (await runtime.RunPodSandboxAsync(pod, Token)).Failure);
        Assert.Equal(RuntimeFailure.EngineUnavailable, (await runtime.RemovePodAsync(pod.Uid, TimeSpan.Zero, Token)).Failure);
        Assert.Equal(RuntimeFailure.EngineUnavailable, (await runtime.StopContainerAsync("x", TimeSpan.Zero, Token)).Failure);
        Assert.Empty(await runtime.ListPodsAsync(Token));
    }

    /// <summary>Proves the watch is armed: throwaway sandboxes are started until the watch reports one of them.</summary>
    private async Task ArmAsync(Channel<string> changes)
    {
        var probes = new HashSet<string>();
        await Eventually.WaitAsync(
            "the pod watch to report a probe sandbox",
            async () =>
            {
                var probe = _node.NewPod("probe");
                probes.Add(probe.Uid);
                Assert.True((await Runtime.RunPodSandboxAsync(probe, Token)).IsOk);
                var seen = false;
                while (changes.Reader.TryRead(out var uid))
                {
                    seen |= probes.Contains(uid);
                }
                return seen;
            },
            Deadline,
            interval: TimeSpan.FromMilliseconds(200));
    }

    private static async Task ExpectChangeAsync(Channel<string> changes, string uid, string what)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Token);
        limit.CancelAfter(Deadline);
        try
        {
            while (await changes.Reader.ReadAsync(limit.Token) != uid)
            {
            }
        }
        catch (OperationCanceledException) when (!Token.IsCancellationRequested)
        {
            Assert.Fail($"the watch reported no change of pod {uid} within {Deadline.TotalSeconds} s of {what}");
        }
    }

    private async Task<List<string>> ReadLogsAsync(string containerId, ContainerLogQuery query, int expected)
    {
        var lines = new List<string>();
        await Eventually.WaitAsync(
            $"{expected} log lines of {containerId}",
            async () =>
            {
                var logs = await Runtime.LogsAsync(containerId, query, Token);
                Assert.True(logs.IsOk, logs.ToString());
                lines = [];
                await foreach (var line in logs.Value!.WithCancellation(Token))
                {
                    lines.Add(line);
                }
                return lines.Count >= expected;
            },
            Deadline,
            () => string.Join(" | ", lines));
        return lines;
    }

    private static IEnumerable<string> Describe(IReadOnlyList<RuntimePod> pods) =>
        pods.SelectMany(p => p.Containers.Select(c => $"{p.Uid} {p.SandboxId} {p.SandboxRunning} {p.PodIP} {c.Id} {c.Name} {c.Attempt} {c.State} {c.StartedAt:O} {c.ImageId}")
            .Prepend($"{p.Uid} {p.Namespace}/{p.Name}"));
}
