namespace Actors.Grains.Controllers.Deployments;

/// <summary>A Deployment's replica counts as its status states them; comparing two tells whether a rollout progressed.</summary>
public sealed record RolloutCounts(int Replicas, int Updated, int Ready, int Available)
{
    /// <summary>Pods of old ReplicaSets.</summary>
    public int Old => Replicas - Updated;
}
