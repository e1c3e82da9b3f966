namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes DeploymentStatus type.</summary>
public sealed class DeploymentStatus : ResourceModel
{
    public long? ObservedGeneration { get; set; }

    public int? Replicas { get; set; }

    public int? UpdatedReplicas { get; set; }

    public int? ReadyReplicas { get; set; }

    public int? AvailableReplicas { get; set; }

    public int? UnavailableReplicas { get; set; }

    public List<DeploymentCondition>? Conditions { get; set; }

    public int? CollisionCount { get; set; }
}
