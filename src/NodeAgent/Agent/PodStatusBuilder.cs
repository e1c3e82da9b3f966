using Actors.Grains.Abstractions.Resources;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// Composes the pod status Kubernetes would show from the planner's per-container outcomes: phase, the four
/// conditions (transition times kept while a condition holds), IPs, and one status per container.
/// </summary>
internal sealed class PodStatusBuilder(PodSyncInput input)
{
    private readonly List<ContainerStatus> _initStatuses = [];
    private readonly List<ContainerStatus> _statuses = [];
    private readonly List<ContainerOutcome> _initOutcomes = [];
    private readonly List<ContainerOutcome> _outcomes = [];

    /// <summary>
    /// The sandbox is not up yet: every container is waiting to be created, or, in a pod with init containers,
    /// waiting for the pod to initialize (as the app containers are shown later while the inits run).
    /// </summary>
    public PodStatus Pending()
    {
        var initialized = (input.Pod.Spec?.InitContainers?.Count ?? 0) == 0;
        foreach (var init in input.Pod.Spec?.InitContainers ?? [])
        {
            Add(init, new ContainerStep(ContainerOutcome.NotStarted, [], null, "PodInitializing", null), init: true);
        }
        foreach (var container in input.Pod.Spec?.Containers ?? [])
        {
            Add(container, new ContainerStep(ContainerOutcome.NotStarted, [], null, initialized ? "ContainerCreating" : "PodInitializing", null), init: false);
        }
        return Build(initialized);
    }

    public void Add(Container container, ContainerStep step, bool init)
    {
        (init ? _initStatuses : _statuses).Add(ContainerStatusOf(container, step));
        (init ? _initOutcomes : _outcomes).Add(step.Outcome);
    }

    public PodStatus Build(bool initialized)
    {
        var phase = Phase(initialized);
        var unready = _statuses.Where(s => s.Ready != true).Select(s => s.Name).ToList();
        var containersReady = phase == "Running" && unready.Count == 0;
        var notReadyReason = phase is "Succeeded" or "Failed" ? "PodCompleted" : "ContainersNotReady";
        var notReadyMessage = unready.Count > 0 ? $"containers with unready status: [{string.Join(" ", unready)}]" : null;
        var podIP = input.Observed?.PodIP;
        return new PodStatus
        {
            Phase = phase,
            Conditions =
            [
                Condition("Initialized", initialized, "ContainersNotInitialized", "containers with incomplete status: [" + string.Join(" ", IncompleteInits()) + "]"),
                Condition("Ready", containersReady, notReadyReason, notReadyMessage),
                Condition("ContainersReady", containersReady, notReadyReason, notReadyMessage),
                Condition("PodScheduled", true, null, null),
            ],
            HostIP = input.HostIP,
            HostIPs = [new HostIP { Ip = input.HostIP }],
            PodIP = podIP,
            PodIPs = podIP is null ? null : [new PodIP { Ip = podIP }],
            StartTime = input.Reported?.StartTime ?? input.Now,
            InitContainerStatuses = _initStatuses.Count > 0 ? _initStatuses : null,
            ContainerStatuses = _statuses,
        };
    }

    private string Phase(bool initialized)
    {
        if (_initOutcomes.Contains(ContainerOutcome.Failed))
        {
            return "Failed";
        }
        if (!initialized || _outcomes.Count == 0)
        {
            return "Pending";
        }
        if (_outcomes.All(o => o is ContainerOutcome.Succeeded or ContainerOutcome.Failed))
        {
            return _outcomes.All(o => o == ContainerOutcome.Succeeded) ? "Succeeded" : "Failed";
        }
        var allStarted = _outcomes.All(o => o != ContainerOutcome.NotStarted);
        return allStarted && _outcomes.Any(o => o is ContainerOutcome.Running or ContainerOutcome.Restarting) ? "Running" : "Pending";
    }

    private IEnumerable<string?> IncompleteInits() =>
        (input.Pod.Spec?.InitContainers ?? []).Select(c => c.Name).Where((_, i) => i >= _initOutcomes.Count || _initOutcomes[i] != ContainerOutcome.Succeeded);

    private PodCondition Condition(string type, bool holds, string? reason, string? message)
    {
        var status = holds ? "True" : "False";
        var previous = input.Reported?.Conditions?.FirstOrDefault(c => c.Type == type);
        return new PodCondition
        {
            Type = type,
            Status = status,
            LastTransitionTime = previous?.Status == status ? previous.LastTransitionTime : input.Now,
            Reason = holds ? null : reason,
            Message = holds ? null : message,
        };
    }

    private ContainerStatus ContainerStatusOf(Container container, ContainerStep step)
    {
        var name = container.Name ?? "";
        var attempts = input.Observed?.Containers.Where(c => c.Name == name).OrderByDescending(c => c.Attempt).ToList() ?? [];
        var latest = attempts.FirstOrDefault();
        var previous = attempts.Skip(1).FirstOrDefault(c => c.State == RuntimeContainerState.Exited);
        ContainerState state;
        ContainerState? lastState = previous is null ? null : Terminated(previous);
        if (step.WaitingReason is not null && step.Outcome is ContainerOutcome.NotStarted or ContainerOutcome.Restarting)
        {
            state = new ContainerState { Waiting = new ContainerStateWaiting { Reason = step.WaitingReason, Message = step.WaitingMessage } };
            if (latest is { State: RuntimeContainerState.Exited })
            {
                lastState = Terminated(latest);
            }
        }
        else if (latest is { State: RuntimeContainerState.Running })
        {
            state = new ContainerState { Running = new ContainerStateRunning { StartedAt = latest.StartedAt } };
        }
        else if (latest is { State: RuntimeContainerState.Exited })
        {
            state = Terminated(latest);
        }
        else
        {
            state = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "ContainerCreating" } };
        }
        var running = latest is { State: RuntimeContainerState.Running };
        var probeReady = container.ReadinessProbe is null || (input.ProbeReadiness.TryGetValue(name, out var ready) && ready);
        return new ContainerStatus
        {
            Name = name,
            State = state,
            LastState = lastState ?? new ContainerState(),
            Ready = running && probeReady,
            Started = running,
            RestartCount = latest?.Attempt ?? 0,
            Image = container.Image,
            ImageID = latest is null || latest.ImageId.Length == 0 ? "" : $"{input.RuntimeScheme}://{latest.ImageId}",
            ContainerID = latest is null ? null : $"{input.RuntimeScheme}://{latest.Id}",
        };
    }

    private ContainerState Terminated(RuntimeContainer container) => new()
    {
        Terminated = new ContainerStateTerminated
        {
            ExitCode = container.ExitCode ?? 0,
            Reason = container.Reason ?? (container.ExitCode == 0 ? "Completed" : "Error"),
            StartedAt = container.StartedAt,
            FinishedAt = container.FinishedAt,
            ContainerID = $"{input.RuntimeScheme}://{container.Id}",
        },
    };
}
