namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ReplicaSetSpec type.</summary>
public sealed class ReplicaSetSpec : ResourceModel
{
    public int? Replicas { get; set; }

    public int? MinReadySeconds { get; set; }

    public LabelSelector? Selector { get; set; }

    public PodTemplateSpec? Template { get; set; }
}
