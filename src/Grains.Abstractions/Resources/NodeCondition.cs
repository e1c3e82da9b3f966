namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes NodeCondition type.</summary>
public sealed class NodeCondition : ResourceModel
{
    public string? Type { get; set; }

    public string? Status { get; set; }

    public DateTimeOffset? LastHeartbeatTime { get; set; }

    public DateTimeOffset? LastTransitionTime { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }
}
