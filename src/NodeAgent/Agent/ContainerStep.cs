namespace Actors.NodeAgent.Agent;

/// <summary>Where one container stands after planning, the actions it needs, and the waiting reason to show.</summary>
internal sealed record ContainerStep(
    ContainerOutcome Outcome,
    IReadOnlyList<PodAction> Actions,
    TimeSpan? Requeue,
    string? WaitingReason,
    string? WaitingMessage);

internal enum ContainerOutcome
{
    /// <summary>Never ran yet (being created, or its start failed and waits for back-off).</summary>
    NotStarted,
    Running,

    /// <summary>Exited and will run again (now or after back-off).</summary>
    Restarting,
    Succeeded,
    Failed,
}
