using Actors.Grains.Abstractions.Resources;
using Actors.NodeAgent.Agent;
using static Actors.NodeAgent.Tests.Agent.PodSyncFacts;

namespace Actors.NodeAgent.Tests.Agent;

[Trait("Category", "Unit")]
public sealed class PodSyncStatusTests
{
    private static readonly DateTimeOffset Earlier = Now.AddMinutes(-30);

    private static PodStatus Reported(string readyStatus) => new()
    {
        StartTime = Earlier,
        Conditions =
        [
            new PodCondition { Type = "Ready", Status = readyStatus, LastTransitionTime = Earlier },
            new PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = Earlier },
        ],
    };

    [Theory]
    [InlineData("Ready held True: its transition time stays", "True", true)]
    [InlineData("Ready went False to True: it moves to now", "False", false)]
    public void Status_keeps_a_condition_transition_time_while_its_status_holds(string scenario, string reportedReady, bool kept)
    {
        var plan = PodSyncPlanner.Plan(Input(Pod(), Sandbox(Running("app")), reported: Reported(reportedReady)));

        Assert.True((kept ? Earlier : Now) == Condition(plan, "Ready").LastTransitionTime, scenario);
        Assert.Equal(Earlier, Condition(plan, "PodScheduled").LastTransitionTime);
        Assert.Equal(Now, Condition(plan, "ContainersReady").LastTransitionTime);
        Assert.Equal(Earlier, plan.Status!.StartTime);
    }

    [Fact]
    public void Status_of_a_first_sync_starts_now()
    {
        Assert.Equal(Now, PodSyncPlanner.Plan(Input(Pod(), observed: null)).Status!.StartTime);
    }

    [Theory]
    [InlineData("no readiness probe: ready when running", false, null, true)]
    [InlineData("probe not reported yet: not ready", true, null, false)]
    [InlineData("probe failing: not ready", true, false, false)]
    [InlineData("probe passing: ready", true, true, true)]
    public void Status_makes_a_container_with_a_readiness_probe_ready_only_when_it_passes(string scenario, bool probe, bool? passing, bool ready)
    {
        var probes = passing is { } value ? new Dictionary<string, bool> { ["app"] = value } : null;
        var plan = PodSyncPlanner.Plan(Input(Pod(null, null, Container("app", readinessProbe: probe)), Sandbox(Running("app")), probes: probes));

        Assert.True(ready == Status(plan, "app").Ready, scenario);
        Assert.Equal("Running", plan.Status!.Phase);
        Assert.Equal(ready ? "True" : "False", Condition(plan, "Ready").Status);
        Assert.Equal(ready ? "True" : "False", Condition(plan, "ContainersReady").Status);
        Assert.Equal(ready ? null : "ContainersNotReady", Condition(plan, "Ready").Reason);
        Assert.Equal(ready ? null : "containers with unready status: [app]", Condition(plan, "Ready").Message);
    }

    [Fact]
    public void Status_names_containers_and_images_with_the_runtime_scheme()
    {
        var plan = PodSyncPlanner.Plan(Input(Pod(), Sandbox(Exited("app", 0, 3, 600), Running("app", 1))));

        var app = Status(plan, "app");
        Assert.Equal("docker://c-app-1", app.ContainerID);
        Assert.Equal("docker://sha256:abc", app.ImageID);
        Assert.Equal("actors/busybox:1", app.Image);
        Assert.Equal(1, app.RestartCount);
        Assert.Equal("docker://c-app-0", app.LastState!.Terminated!.ContainerID);
        Assert.Equal(3, app.LastState.Terminated.ExitCode);
        Assert.Equal("Error", app.LastState.Terminated.Reason);
    }

    [Fact]
    public void Status_of_a_container_not_created_yet_has_no_IDs()
    {
        var app = Status(PodSyncPlanner.Plan(Input(Pod(), Sandbox())), "app");

        Assert.Null(app.ContainerID);
        Assert.Equal("", app.ImageID);
        Assert.NotNull(app.LastState);
        Assert.Null(app.LastState.Terminated);
        Assert.False(app.Started);
    }

    [Fact]
    public void Status_keeps_the_runtime_reason_of_a_terminated_container()
    {
        var oomKilled = Exited("app", 0, 137) with { Reason = "OOMKilled" };

        var app = Status(PodSyncPlanner.Plan(Input(Pod("Never"), Sandbox(oomKilled))), "app");

        Assert.Equal("OOMKilled", app.State!.Terminated!.Reason);
    }
}
