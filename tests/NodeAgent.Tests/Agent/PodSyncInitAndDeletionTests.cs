using Actors.Grains.Abstractions.Resources;
using Actors.NodeAgent.Agent;
using Actors.NodeAgent.Runtime;
using static Actors.NodeAgent.Tests.Agent.PodSyncFacts;

namespace Actors.NodeAgent.Tests.Agent;

[Trait("Category", "Unit")]
public sealed class PodSyncInitAndDeletionTests
{
    private static Pod WithInits(string? policy = null) => Pod(policy, [Container("i1"), Container("i2")], Container("app"));

    public static TheoryData<string, string?, RuntimeContainer[], string?, string, bool> InitCases => new()
    {
        { "nothing ran: the first init starts", null, [], "i1", "Pending", false },
        { "first init running: nothing else starts", null, [Running("i1")], null, "Pending", false },
        { "first init done: the second starts", null, [Exited("i1", 0, 0)], "i2", "Pending", false },
        { "all inits done: the app starts", null, [Exited("i1", 0, 0), Exited("i2", 0, 0)], "app", "Pending", true },
        { "inits done, app running", null, [Exited("i1", 0, 0), Exited("i2", 0, 0), Running("app")], null, "Running", true },
        { "failed init under Always restarts", "Always", [Exited("i1", 0, 1)], "i1", "Pending", false },
        { "failed init under OnFailure restarts", "OnFailure", [Exited("i1", 0, 1)], "i1", "Pending", false },
        { "failed init under Never fails the pod", "Never", [Exited("i1", 0, 1)], null, "Failed", false },
    };

    [Theory]
    [MemberData(nameof(InitCases))]
    public void Plan_runs_init_containers_one_at_a_time(
        string scenario, string? policy, RuntimeContainer[] observed, string? starts, string phase, bool initialized)
    {
        var plan = PodSyncPlanner.Plan(Input(WithInits(policy), Sandbox(observed)));

        var started = plan.Actions.OfType<PodAction.StartContainer>().ToList();
        Assert.True(starts is null ? started.Count == 0 : started.Count == 1 && started[0].Name == starts, $"{scenario}: {string.Join(",", started)}");
        Assert.True(started.All(s => s.Init == s.Name.StartsWith('i')), scenario);
        Assert.True(phase == plan.Status!.Phase, $"{scenario}: {plan.Status.Phase}");
        Assert.Equal(initialized ? "True" : "False", Condition(plan, "Initialized").Status);
        if (!initialized)
        {
            Assert.Equal("ContainersNotInitialized", Condition(plan, "Initialized").Reason);
            Assert.Equal("PodInitializing", Status(plan, "app").State!.Waiting!.Reason);
        }
    }

    [Fact]
    public void Status_lists_init_containers_that_have_not_run_yet_as_PodInitializing()
    {
        var plan = PodSyncPlanner.Plan(Input(WithInits(), Sandbox(Running("i1"))));

        Assert.Equal(["i1", "i2"], plan.Status!.InitContainerStatuses!.Select(s => s.Name));
        Assert.NotNull(plan.Status.InitContainerStatuses![0].State!.Running);
        Assert.Equal("PodInitializing", plan.Status.InitContainerStatuses[1].State!.Waiting!.Reason);
        Assert.Equal("containers with incomplete status: [i1 i2]", Condition(plan, "Initialized").Message);
    }

    [Fact]
    public void Status_before_the_sandbox_shows_every_container_of_a_pod_with_inits_as_PodInitializing()
    {
        var plan = PodSyncPlanner.Plan(Input(WithInits(), observed: null));

        // The sandbox and the first init container in one pass; the app containers wait for the inits.
        Assert.Equal([new PodAction.RunSandbox(), new PodAction.StartContainer("i1", 0, true)], plan.Actions);
        Assert.All(plan.Status!.InitContainerStatuses!.Concat(plan.Status.ContainerStatuses!), s => Assert.Equal("PodInitializing", s.State!.Waiting!.Reason));
        Assert.Equal("False", Condition(plan, "Initialized").Status);
    }

    [Fact]
    public void Plan_restarts_a_failed_init_container_as_the_next_attempt()
    {
        var plan = PodSyncPlanner.Plan(Input(WithInits("OnFailure"), Sandbox(Exited("i1", 0, 1))));

        Assert.Equal([new PodAction.StartContainer("i1", 1, true)], plan.Actions);
    }

    [Fact]
    public void Plan_does_not_rerun_a_succeeded_init_container_under_Always()
    {
        var plan = PodSyncPlanner.Plan(Input(WithInits("Always"), Sandbox(Exited("i1", 0, 0), Running("i2"))));

        Assert.Empty(plan.Actions);
    }

    [Theory]
    [InlineData("deletionGracePeriodSeconds wins", 5L, 20L, 5)]
    [InlineData("spec.terminationGracePeriodSeconds next", null, 20L, 20)]
    [InlineData("30 s by default", null, null, 30)]
    [InlineData("zero is immediate", 0L, 20L, 0)]
    public void Plan_of_a_deleted_pod_removes_it_within_its_grace_period(string scenario, long? deletionGrace, long? specGrace, int seconds)
    {
        var pod = Pod();
        pod.Metadata!.DeletionTimestamp = Now.AddSeconds(-1);
        pod.Metadata.DeletionGracePeriodSeconds = deletionGrace;
        pod.Spec!.TerminationGracePeriodSeconds = specGrace;

        var plan = PodSyncPlanner.Plan(Input(pod, Sandbox(Running("app"))));

        Assert.True(plan.Actions.SequenceEqual([new PodAction.RemovePod(TimeSpan.FromSeconds(seconds))]), scenario);
        Assert.Null(plan.Status);
        Assert.Null(plan.RequeueAfter);
    }

    [Fact]
    public void Plan_of_a_deleted_pod_with_only_its_sandbox_left_removes_it()
    {
        var pod = Pod();
        pod.Metadata!.DeletionTimestamp = Now;

        Assert.Equal([new PodAction.RemovePod(TimeSpan.FromSeconds(30))], PodSyncPlanner.Plan(Input(pod, Sandbox())).Actions);
    }

    [Fact]
    public void Plan_of_a_deleted_pod_with_nothing_left_confirms_the_deletion()
    {
        var pod = Pod();
        pod.Metadata!.DeletionTimestamp = Now;

        Assert.Equal([new PodAction.ConfirmDeletion()], PodSyncPlanner.Plan(Input(pod, observed: null)).Actions);
        Assert.Equal([new PodAction.ConfirmDeletion()], PodSyncPlanner.Plan(Input(pod, Sandbox() with { SandboxId = null })).Actions);
    }

    [Theory]
    [InlineData("two attempts: both kept", 1, true, new string[0])]
    [InlineData("running attempt 2: attempt 0 goes", 2, true, new[] { "c-app-0" })]
    [InlineData("crash-looping attempt 3: attempts 0 and 1 go", 3, false, new[] { "c-app-0", "c-app-1" })]
    public void Plan_removes_attempts_older_than_the_one_before_the_latest(string scenario, int latest, bool latestRunning, string[] removed)
    {
        var attempts = Enumerable.Range(0, latest).Select(a => Exited("app", a, 1, 600 - a))
            .Append(latestRunning ? Running("app", latest) : Exited("app", latest, 1, 1));

        var plan = PodSyncPlanner.Plan(Input(Pod(), Sandbox([.. attempts])));

        var ids = plan.Actions.OfType<PodAction.RemoveContainer>().Select(r => r.ContainerId).Order();
        Assert.True(ids.SequenceEqual(removed), $"{scenario}: {string.Join(",", ids)}");
    }
}
