using Actors.Grains.Abstractions.Resources;

namespace Actors.NodeAgent.Agent;

/// <summary>What to do for a pod now, the status to report (null: nothing to report), and when to look again.</summary>
public sealed record PodSyncPlan(IReadOnlyList<PodAction> Actions, PodStatus? Status, TimeSpan? RequeueAfter);
