using Actors.Grains.Abstractions.Resources;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// The kubelet's pod sync as a pure function: sandbox first, init containers one at a time, then every app
/// container; restarts by restartPolicy with exponential back-off (CrashLoopBackOff); a deleted pod is
/// stopped within its grace period and then let go. The status is what Kubernetes would show for the same facts.
/// </summary>
public static class PodSyncPlanner
{
    private const long DefaultGracePeriodSeconds = 30;

    public static PodSyncPlan Plan(PodSyncInput input)
    {
        var pod = input.Pod;
        if (pod.Metadata?.DeletionTimestamp is not null)
        {
            return PlanDeletion(input);
        }
        if (input.Observed is not { SandboxRunning: true })
        {
            // The kubelet makes a sandbox only to start containers: a pod finished for good stays finished.
            if (input.Observed is { Containers.Count: > 0 } && PlanContainers(input) is { Status.Phase: "Succeeded" or "Failed" } finished)
            {
                return finished;
            }
            var builder = new PodStatusBuilder(input);
            if (input.StartFailures.TryGetValue(PodWorker.SandboxName, out var failed)
                && failed.At + input.Backoff.Delay(failed.Count + 1) - input.Now is { Ticks: > 0 } wait)
            {
                return new PodSyncPlan([], builder.Pending(), wait);
            }
            // A new pod gets its sandbox and its first containers in one pass, as the kubelet's SyncPod does.
            var starts = input.Observed is null
                ? PlanContainers(input with { Observed = new RuntimePod(input.Pod.Metadata?.Uid ?? "", "", "", null, SandboxRunning: true, null, []) }).Actions
                : [];
            return new PodSyncPlan([new PodAction.RunSandbox(), .. starts], builder.Pending(), null);
        }
        return PlanContainers(input);
    }

    /// <summary>Init containers one at a time, then every app container, in a pod whose sandbox is (or was) up.</summary>
    private static PodSyncPlan PlanContainers(PodSyncInput input)
    {
        var pod = input.Pod;
        var actions = new List<PodAction>();
        var builder = new PodStatusBuilder(input);
        TimeSpan? requeue = null;
        var initialized = true;
        foreach (var init in pod.Spec?.InitContainers ?? [])
        {
            // Init containers after the one not done yet wait, and are shown waiting as the kubelet shows them.
            if (!initialized)
            {
                builder.Add(init, new ContainerStep(ContainerOutcome.NotStarted, [], null, "PodInitializing", null), init: true);
                continue;
            }
            var step = PlanContainer(input, init, initContainer: true);
            actions.AddRange(step.Actions);
            requeue = Earliest(requeue, step.Requeue);
            builder.Add(init, step, init: true);
            initialized = step.Outcome == ContainerOutcome.Succeeded;
        }
        foreach (var container in pod.Spec?.Containers ?? [])
        {
            if (!initialized)
            {
                builder.Add(container, new ContainerStep(ContainerOutcome.NotStarted, [], null, "PodInitializing", null), init: false);
                continue;
            }
            var step = PlanContainer(input, container, initContainer: false);
            actions.AddRange(step.Actions);
            requeue = Earliest(requeue, step.Requeue);
            builder.Add(container, step, init: false);
        }
        actions.AddRange(OldAttempts(input));
        return new PodSyncPlan(actions, builder.Build(initialized), requeue);
    }

    private static PodSyncPlan PlanDeletion(PodSyncInput input)
    {
        var observed = input.Observed;
        if (observed is null || (observed.SandboxId is null && observed.Containers.Count == 0))
        {
            return new PodSyncPlan([new PodAction.ConfirmDeletion()], null, null);
        }
        var grace = input.Pod.Metadata?.DeletionGracePeriodSeconds ?? input.Pod.Spec?.TerminationGracePeriodSeconds ?? DefaultGracePeriodSeconds;
        return new PodSyncPlan([new PodAction.RemovePod(TimeSpan.FromSeconds(Math.Max(0, grace)))], null, null);
    }

    private static ContainerStep PlanContainer(PodSyncInput input, Container container, bool initContainer)
    {
        var name = container.Name ?? "";
        var latest = Latest(input.Observed, name);
        var policy = input.Pod.Spec?.RestartPolicy ?? "Always";
        if (latest is null || latest.State == RuntimeContainerState.Created)
        {
            var attempt = latest is null ? 0 : latest.Attempt + 1;
            return FailedStartBackoff(input, name, ContainerOutcome.NotStarted)
                ?? new ContainerStep(ContainerOutcome.NotStarted, [new PodAction.StartContainer(name, attempt, initContainer)], null, "ContainerCreating", null);
        }
        if (latest.State == RuntimeContainerState.Running)
        {
            return new ContainerStep(ContainerOutcome.Running, [], null, null, null);
        }
        var succeeded = latest.ExitCode == 0;
        // An init container restarts on failure even under restartPolicy Always (never after success).
        var restart = initContainer
            ? !succeeded && policy != "Never"
            : policy == "Always" || (policy == "OnFailure" && !succeeded);
        if (!restart)
        {
            return new ContainerStep(succeeded ? ContainerOutcome.Succeeded : ContainerOutcome.Failed, [], null, null, null);
        }
        // A restart whose start failed (a missing image, a deleted ConfigMap) waits out that back-off too, not only the crash's.
        if (FailedStartBackoff(input, name, ContainerOutcome.Restarting) is { } failedStart)
        {
            return failedStart;
        }
        var next = latest.Attempt + 1;
        // As the kubelet: a container that ran stably for twice the cap starts its back-off over.
        var ranStably = latest.StartedAt is { } started && latest.FinishedAt is { } finished && finished - started >= 2 * input.Backoff.Cap;
        var delay = input.Backoff.Delay(ranStably ? 1 : next);
        var remaining = (latest.FinishedAt ?? input.Now) + delay - input.Now;
        if (remaining > TimeSpan.Zero)
        {
            var message = $"back-off {delay.TotalSeconds:0}s restarting failed container={name} pod={input.Pod.Metadata?.Name}_{input.Pod.Metadata?.Namespace}({input.Pod.Metadata?.Uid})";
            return new ContainerStep(ContainerOutcome.Restarting, [], remaining, "CrashLoopBackOff", message);
        }
        return new ContainerStep(ContainerOutcome.Restarting, [new PodAction.StartContainer(name, next, initContainer)], null, null, null);
    }

    /// <summary>The container's last start failed and its back-off is not over: wait, showing why (ErrImagePull turns ImagePullBackOff).</summary>
    private static ContainerStep? FailedStartBackoff(PodSyncInput input, string name, ContainerOutcome outcome)
    {
        if (!input.StartFailures.TryGetValue(name, out var failure))
        {
            return null;
        }
        var wait = failure.At + input.Backoff.Delay(failure.Count + 1) - input.Now;
        if (wait <= TimeSpan.Zero)
        {
            return null;
        }
        var reason = failure.Reason == "ErrImagePull" && failure.Count > 1 ? "ImagePullBackOff" : failure.Reason;
        return new ContainerStep(outcome, [], wait, reason, failure.Message);
    }

    /// <summary>Attempts older than the one before the latest: nothing can ask for their logs.</summary>
    private static IEnumerable<PodAction> OldAttempts(PodSyncInput input) =>
        input.Observed?.Containers
            .GroupBy(c => c.Name)
            .SelectMany(g => g.OrderByDescending(c => c.Attempt).Skip(2))
            .Where(c => c.State != RuntimeContainerState.Running)
            .Select(c => (PodAction)new PodAction.RemoveContainer(c.Id)) ?? [];

    internal static RuntimeContainer? Latest(RuntimePod? pod, string container) =>
        pod?.Containers.Where(c => c.Name == container).MaxBy(c => c.Attempt);

    private static TimeSpan? Earliest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
