using Actors.NodeAgent.Agent;
using Actors.NodeAgent.Runtime;
using static Actors.NodeAgent.Tests.Agent.PodSyncFacts;

namespace Actors.NodeAgent.Tests.Agent;

[Trait("Category", "Unit")]
public sealed class PodSyncPlannerTests
{
    [Fact]
    public void Plan_without_a_sandbox_runs_one_and_its_containers_in_one_pass_and_reports_ContainerCreating()
    {
        var plan = PodSyncPlanner.Plan(Input(Pod(), observed: null));

        Assert.Equal([new PodAction.RunSandbox(), new PodAction.StartContainer("app", 0, false)], plan.Actions);
        Assert.Null(plan.RequeueAfter);
        Assert.Equal("Pending", plan.Status!.Phase);
        Assert.Equal("ContainerCreating", Status(plan, "app").State!.Waiting!.Reason);
        Assert.Equal(HostIP, plan.Status.HostIP);
        Assert.Null(plan.Status.PodIP);
    }

    [Fact]
    public void Plan_replaces_a_dead_sandbox()
    {
        var dead = Sandbox(Exited("app", 0, 137)) with { SandboxRunning = false };

        Assert.Equal([new PodAction.RunSandbox()], PodSyncPlanner.Plan(Input(Pod(), dead)).Actions);
    }

    [Theory]
    [InlineData("Never", 0, "Succeeded")]
    [InlineData("Never", 1, "Failed")]
    [InlineData("OnFailure", 0, "Succeeded")]
    public void Plan_of_a_finished_pod_whose_sandbox_died_keeps_it_finished(string policy, int exitCode, string phase)
    {
        var dead = Sandbox(Exited("app", 0, exitCode)) with { SandboxRunning = false };

        var plan = PodSyncPlanner.Plan(Input(Pod(policy), dead));

        Assert.Empty(plan.Actions);
        Assert.Equal(phase, plan.Status!.Phase);
        Assert.Equal(exitCode, Status(plan, "app").State!.Terminated!.ExitCode);
    }

    [Theory]
    [InlineData("first failure, 3 s ago: waits the rest of 10 s", 1, 3, 7.0)]
    [InlineData("second failure, 5 s ago: waits the rest of 20 s", 2, 5, 15.0)]
    [InlineData("first failure, 10 s ago: back-off over", 1, 10, null)]
    [InlineData("third failure, a minute ago: back-off over", 3, 60, null)]
    public void Plan_retries_a_failed_sandbox_after_its_backoff(string scenario, int failures, double secondsAgo, double? requeueSeconds)
    {
        var plan = PodSyncPlanner.Plan(Input(Pod(), observed: null, Failure(PodWorker.SandboxName, "FailedCreatePodSandBox", failures, secondsAgo)));

        var retried = plan.Actions.SequenceEqual([new PodAction.RunSandbox(), new PodAction.StartContainer("app", 0, false)]);
        Assert.True(retried == (requeueSeconds is null), scenario);
        Assert.Equal(requeueSeconds is null ? null : TimeSpan.FromSeconds(requeueSeconds.Value), plan.RequeueAfter);
        Assert.Equal("Pending", plan.Status!.Phase);
    }

    [Fact]
    public void Plan_starts_every_app_container_in_a_new_sandbox()
    {
        var plan = PodSyncPlanner.Plan(Input(Pod(null, null, Container("a"), Container("b")), Sandbox()));

        Assert.Equal([new PodAction.StartContainer("a", 0, false), new PodAction.StartContainer("b", 0, false)], plan.Actions);
        Assert.Equal("Pending", plan.Status!.Phase);
        Assert.All(plan.Status.ContainerStatuses!, s => Assert.Equal("ContainerCreating", s.State!.Waiting!.Reason));
    }

    [Fact]
    public void Plan_waits_while_some_containers_have_not_started()
    {
        var plan = PodSyncPlanner.Plan(Input(Pod(null, null, Container("a"), Container("b")), Sandbox(Running("a"))));

        Assert.Equal([new PodAction.StartContainer("b", 0, false)], plan.Actions);
        Assert.Equal("Pending", plan.Status!.Phase);
    }

    [Fact]
    public void Plan_of_a_running_pod_does_nothing_and_reports_it_ready()
    {
        var plan = PodSyncPlanner.Plan(Input(Pod(), Sandbox(Running("app"))));

        Assert.Empty(plan.Actions);
        Assert.Null(plan.RequeueAfter);
        Assert.Equal("Running", plan.Status!.Phase);
        Assert.Equal(PodIP, plan.Status.PodIP);
        Assert.Equal([PodIP], plan.Status.PodIPs!.Select(p => p.Ip));
        Assert.Equal([HostIP], plan.Status.HostIPs!.Select(p => p.Ip));
        foreach (var type in new[] { "Initialized", "Ready", "ContainersReady", "PodScheduled" })
        {
            Assert.Equal("True", Condition(plan, type).Status);
        }
        var app = Status(plan, "app");
        Assert.True(app.Ready);
        Assert.True(app.Started);
        Assert.Equal(0, app.RestartCount);
        Assert.Equal(Running("app").StartedAt, app.State!.Running!.StartedAt);
    }

    [Theory]
    [InlineData(null, 0, true, "Running")]
    [InlineData(null, 1, true, "Running")]
    [InlineData("Always", 0, true, "Running")]
    [InlineData("Always", 2, true, "Running")]
    [InlineData("OnFailure", 0, false, "Succeeded")]
    [InlineData("OnFailure", 1, true, "Running")]
    [InlineData("Never", 0, false, "Succeeded")]
    [InlineData("Never", 1, false, "Failed")]
    public void Plan_restarts_an_exited_container_by_restartPolicy(string? policy, int exitCode, bool restart, string phase)
    {
        var plan = PodSyncPlanner.Plan(Input(Pod(policy), Sandbox(Exited("app", 0, exitCode))));

        Assert.Equal(restart ? [new PodAction.StartContainer("app", 1, false)] : [], plan.Actions);
        Assert.Equal(phase, plan.Status!.Phase);
        if (!restart)
        {
            Assert.Equal(exitCode, Status(plan, "app").State!.Terminated!.ExitCode);
            Assert.Equal(exitCode == 0 ? "Completed" : "Error", Status(plan, "app").State!.Terminated!.Reason);
            Assert.Equal("PodCompleted", Condition(plan, "Ready").Reason);
        }
    }

    [Fact]
    public void Plan_of_two_containers_one_failed_under_Never_stays_Running_while_the_other_runs()
    {
        var plan = PodSyncPlanner.Plan(Input(Pod("Never", null, Container("a"), Container("b")), Sandbox(Exited("a", 0, 1), Running("b"))));

        Assert.Empty(plan.Actions);
        Assert.Equal("Running", plan.Status!.Phase);
    }

    [Theory]
    [InlineData("attempt 1 exited 3 s ago: 10 s back-off", 1, 3, 7, 10)]
    [InlineData("attempt 3 exited 30 s ago: 40 s back-off", 3, 30, 10, 40)]
    [InlineData("attempt 9 exited 100 s ago: capped at 5 min", 9, 100, 200, 300)]
    public void Plan_holds_a_crashing_container_in_CrashLoopBackOff(string scenario, int attempt, double secondsAgo, double remaining, int backoff)
    {
        var observed = Sandbox(Exited("app", attempt - 1, 1, secondsAgo + 50), Exited("app", attempt, 1, secondsAgo));
        var plan = PodSyncPlanner.Plan(Input(Pod(), observed));

        Assert.True(plan.Actions.Count == 0, scenario);
        Assert.Equal(TimeSpan.FromSeconds(remaining), plan.RequeueAfter);
        Assert.Equal("Running", plan.Status!.Phase);
        var app = Status(plan, "app");
        Assert.Equal("CrashLoopBackOff", app.State!.Waiting!.Reason);
        Assert.StartsWith($"back-off {backoff}s restarting failed container=app pod=web_default(uid-1)", app.State.Waiting.Message);
        Assert.Equal(1, app.LastState!.Terminated!.ExitCode);
        Assert.Equal($"docker://c-app-{attempt}", app.LastState.Terminated.ContainerID);
        Assert.Equal(attempt, app.RestartCount);
        Assert.False(app.Ready);
        Assert.Equal("False", Condition(plan, "Ready").Status);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(3, 41)]
    [InlineData(9, 300)]
    public void Plan_restarts_a_crashing_container_once_its_backoff_is_over(int attempt, double secondsAgo)
    {
        var plan = PodSyncPlanner.Plan(Input(Pod(), Sandbox(Exited("app", attempt, 1, secondsAgo))));

        Assert.Equal([new PodAction.StartContainer("app", attempt + 1, false)], plan.Actions);
        Assert.Null(plan.RequeueAfter);
    }

    [Theory]
    [InlineData("ran 9 minutes before crashing: back-off keeps growing", 9, false)]
    [InlineData("ran 10 minutes (twice the 5 min cap): back-off starts over", 10, true)]
    public void Plan_starts_the_backoff_over_after_a_container_ran_stably(string scenario, double minutesRunning, bool restartNow)
    {
        var stable = new RuntimeContainer("c-app-6", "app", 6, RuntimeContainerState.Exited, 1, null,
            Now.AddMinutes(-minutesRunning - 1), Now.AddMinutes(-minutesRunning).AddSeconds(-3), Now.AddSeconds(-3), "actors/busybox:1", "sha256:abc");

        var plan = PodSyncPlanner.Plan(Input(Pod(), Sandbox(stable)));

        Assert.True(plan.Actions.SequenceEqual([new PodAction.StartContainer("app", 7, false)]) == restartNow, scenario);
    }

    [Theory]
    [InlineData("first failed pull, 2 s ago", 1, 2, "ErrImagePull", 8)]
    [InlineData("second failed pull, 2 s ago", 2, 2, "ImagePullBackOff", 18)]
    [InlineData("fourth failed pull, 60 s ago", 4, 60, "ImagePullBackOff", 20)]
    public void Plan_backs_off_failed_image_pulls(string scenario, int failures, double secondsAgo, string reason, double remaining)
    {
        var plan = PodSyncPlanner.Plan(Input(Pod(), Sandbox(), Failure("app", "ErrImagePull", failures, secondsAgo)));

        Assert.True(plan.Actions.Count == 0, scenario);
        Assert.Equal(TimeSpan.FromSeconds(remaining), plan.RequeueAfter);
        Assert.Equal("Pending", plan.Status!.Phase);
        Assert.Equal(reason, Status(plan, "app").State!.Waiting!.Reason);
        Assert.Equal("ErrImagePull for app", Status(plan, "app").State!.Waiting!.Message);
    }

    [Fact]
    public void Plan_retries_a_failed_pull_once_its_backoff_is_over()
    {
        var plan = PodSyncPlanner.Plan(Input(Pod(), Sandbox(), Failure("app", "ErrImagePull", 2, 21)));

        Assert.Equal([new PodAction.StartContainer("app", 0, false)], plan.Actions);
    }

    [Fact]
    public void Plan_starts_the_next_attempt_after_one_left_created()
    {
        var plan = PodSyncPlanner.Plan(Input(Pod(), Sandbox(Created("app", 0))));

        Assert.Equal([new PodAction.StartContainer("app", 1, false)], plan.Actions);
    }

    [Fact]
    public void Plan_backs_off_a_restart_whose_start_failed()
    {
        var observed = Sandbox(Exited("app", 0, 1, 60));
        var plan = PodSyncPlanner.Plan(Input(Pod(), observed, Failure("app", "CreateContainerConfigError", 1, 2)));

        Assert.Empty(plan.Actions);
        Assert.Equal(TimeSpan.FromSeconds(8), plan.RequeueAfter);
        Assert.Equal("CreateContainerConfigError", Status(plan, "app").State!.Waiting!.Reason);
        Assert.Equal(1, Status(plan, "app").LastState!.Terminated!.ExitCode);
        Assert.Equal("Running", plan.Status!.Phase);
    }
}
