namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ReplicaSetCondition type.</summary>
public sealed class ReplicaSetCondition : ResourceModel
{
    public string? Type { get; set; }

    public string? Status { get; set; }

    public DateTimeOffset? LastTransitionTime { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }
}
