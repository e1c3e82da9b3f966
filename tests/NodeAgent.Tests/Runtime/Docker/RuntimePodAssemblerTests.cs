using Actors.NodeAgent.Docker;
using Actors.NodeAgent.Runtime;
using Actors.NodeAgent.Runtime.Docker;

namespace Actors.NodeAgent.Tests.Runtime.Docker;

[Trait("Category", "Unit")]
public sealed class RuntimePodAssemblerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("running", false, 0, RuntimeContainerState.Running, null, null)]
    [InlineData("paused", false, 0, RuntimeContainerState.Running, null, null)]
    [InlineData("created", false, 0, RuntimeContainerState.Created, null, null)]
    [InlineData("exited", false, 0, RuntimeContainerState.Exited, 0, "Completed")]
    [InlineData("exited", false, 137, RuntimeContainerState.Exited, 137, "Error")]
    [InlineData("exited", true, 137, RuntimeContainerState.Exited, 137, "OOMKilled")]
    [InlineData("dead", false, 1, RuntimeContainerState.Exited, 1, "Error")]
    public void Engine_state_maps_to_state_exit_code_and_reason(
        string status, bool oomKilled, int exitCode, RuntimeContainerState state, int? expectedExit, string? reason) =>
        Assert.Equal(
            (state, expectedExit, reason),
            ContainerStatus.From(new ContainerState { Status = status, OOMKilled = oomKilled, ExitCode = exitCode, Running = status == "running" }));

    [Fact]
    public void Containers_group_into_pods_by_uid_with_sandbox_ip_and_attempts()
    {
        var pods = RuntimePodAssembler.Assemble(
        [
            Container("s1", "u-1", "POD", 0, Running(), ip: "172.17.0.5"),
            Container("a0", "u-1", "app", 0, Exited(1, T0.AddMinutes(1))),
            Container("a1", "u-1", "app", 1, Running()),
            Container("b0", "u-1", "sidecar", 0, Running()),
            Container("s2", "u-2", "POD", 0, Exited(137, T0)),
            Container("c0", "u-2", "job", 0, Exited(0, T0)),
            Container("stray", null, "x", 0, Running()),
        ]);

        Assert.Equal(["u-1", "u-2"], pods.Select(p => p.Uid));
        var web = pods[0];
        Assert.Equal(("shop", "web", "s1", true, "172.17.0.5"), (web.Namespace, web.Name, web.SandboxId, web.SandboxRunning, web.PodIP));
        Assert.Equal([("app", 0), ("app", 1), ("sidecar", 0)], web.Containers.Select(c => (c.Name, c.Attempt)));
        var failed = web.Containers[0];
        Assert.Equal((RuntimeContainerState.Exited, 1, "Error"), (failed.State, failed.ExitCode, failed.Reason));
        Assert.Equal((T0, (DateTimeOffset?)T0, (DateTimeOffset?)T0.AddMinutes(1)), (failed.CreatedAt!.Value, failed.StartedAt, failed.FinishedAt));
        Assert.Equal(("actors/busybox:1", "sha256:img"), (failed.Image, failed.ImageId));
        Assert.Null(web.Containers[1].FinishedAt);
        var job = pods[1];
        Assert.Equal(("s2", false, null), (job.SandboxId, job.SandboxRunning, job.PodIP));
        Assert.Equal("Completed", job.Containers.Single().Reason);
    }

    [Fact]
    public void A_pod_without_a_sandbox_still_lists_its_containers()
    {
        var pod = Assert.Single(RuntimePodAssembler.Assemble([Container("a0", "u-1", "app", 0, Exited(2, T0))]));

        Assert.Equal(("web", null, false, null), (pod.Name, pod.SandboxId, pod.SandboxRunning, pod.PodIP));
        Assert.Equal("a0", Assert.Single(pod.Containers).Id);
    }

    [Fact]
    public void The_running_sandbox_speaks_for_the_pod_else_the_latest_attempt()
    {
        var dead0 = Container("d0", "u-1", "POD", 0, Exited(137, T0));
        var dead2 = Container("d2", "u-1", "POD", 2, Exited(137, T0));
        var live1 = Container("l1", "u-1", "POD", 1, Running());

        Assert.Equal("l1", RuntimePodAssembler.ChooseSandbox([dead0, live1, dead2])?.Id);
        Assert.Equal("d2", RuntimePodAssembler.ChooseSandbox([dead0, dead2])?.Id);
        Assert.Null(RuntimePodAssembler.ChooseSandbox([]));
    }

    [Theory]
    [InlineData("172.17.0.2", null, "172.17.0.2")]
    [InlineData("", "10.9.0.4", "10.9.0.4")]
    [InlineData("", null, null)]
    public void Pod_ip_is_the_bridge_address_or_the_first_network_address(string bridge, string? network, string? expected)
    {
        var sandbox = new ContainerDetails
        {
            NetworkSettings = new ContainerNetworkSettings
            {
                IPAddress = bridge,
                Networks = network is null ? null : new Dictionary<string, ContainerEndpoint> { ["actors"] = new() { IPAddress = network } },
            },
        };

        Assert.Equal(expected, RuntimePodAssembler.PodIP(sandbox));
    }

    [Theory]
    [InlineData(new string[0], null, 0, 0)]
    [InlineData(new[] { "running:0" }, "running:0", 0, 0)]
    [InlineData(new[] { "exited:0", "running:1" }, "running:1", 0, 0)]
    [InlineData(new[] { "exited:0" }, null, 1, 1)]
    [InlineData(new[] { "exited:0", "created:3" }, null, 2, 4)]
    public void Sandbox_plan_reuses_a_running_sandbox_or_replaces_dead_ones(string[] sandboxes, string? reuse, int removed, int nextAttempt)
    {
        var summaries = sandboxes.Select(s => new ContainerSummary
        {
            Id = s,
            State = s.Split(':')[0],
            Labels = new Dictionary<string, string> { [PodSandboxConfig.AttemptLabel] = s.Split(':')[1] },
        }).ToList();

        var plan = SandboxPlan.For(summaries);

        Assert.Equal(reuse, plan.Reuse);
        Assert.Equal(removed, plan.Remove.Count);
        if (reuse is null)
        {
            Assert.Equal(nextAttempt, plan.NextAttempt);
        }
    }

    private static ContainerState Running() => new() { Status = "running", Running = true, StartedAt = T0 };

    private static ContainerState Exited(int exitCode, DateTimeOffset finished) =>
        new() { Status = "exited", ExitCode = exitCode, StartedAt = T0, FinishedAt = finished };

    private static ContainerDetails Container(string id, string? uid, string name, int attempt, ContainerState state, string ip = "")
    {
        var labels = new Dictionary<string, string>
        {
            [PodSandboxConfig.PodNamespaceLabel] = "shop",
            [PodSandboxConfig.PodNameLabel] = "web",
            [PodSandboxConfig.ContainerNameLabel] = name,
            [PodSandboxConfig.AttemptLabel] = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (uid is not null)
        {
            labels[PodSandboxConfig.PodUidLabel] = uid;
        }
        return new ContainerDetails
        {
            Id = id,
            Image = "sha256:img",
            Created = T0,
            State = state,
            Config = new ContainerConfig { Image = "actors/busybox:1", Labels = labels },
            NetworkSettings = new ContainerNetworkSettings { IPAddress = ip },
        };
    }
}
