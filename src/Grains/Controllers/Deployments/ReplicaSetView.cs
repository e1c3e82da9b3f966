namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// What the rollout planner needs to know about one ReplicaSet of a Deployment: its replicas (spec), available
/// pods, revision, and the live pods it last reported — which stay above its replicas until it has marked the
/// extra pods for deletion after a scale-down.
/// </summary>
public sealed record ReplicaSetView(string Name, int Replicas, int AvailableReplicas, long Revision, int LivePods = 0)
{
    /// <summary>What the set counts towards desired + maxSurge: its replicas, or its live pods while they are more.</summary>
    public int Counted => Math.Max(Replicas, LivePods);
}
