namespace Actors.Grains.Scheduling;

/// <summary>
/// The nodes that fit, best first, or — when none does — why each was refused, summarized the way
/// Kubernetes words FailedScheduling ("0/3 nodes are available: 1 node(s) were unschedulable, …").
/// </summary>
public sealed record SchedulingDecision(IReadOnlyList<string> RankedNodes, string? Unschedulable)
{
    public bool Schedulable => RankedNodes.Count > 0;
}
