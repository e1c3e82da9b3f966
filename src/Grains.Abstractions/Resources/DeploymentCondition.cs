namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes DeploymentCondition type.</summary>
public sealed class DeploymentCondition : ResourceModel
{
    public string? Type { get; set; }

    public string? Status { get; set; }

    public DateTimeOffset? LastUpdateTime { get; set; }

    public DateTimeOffset? LastTransitionTime { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }
}
