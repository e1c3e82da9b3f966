namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes NamespaceCondition type.</summary>
public sealed class NamespaceCondition : ResourceModel
{
    public string? Type { get; set; }

    public string? Status { get; set; }

    public DateTimeOffset? LastTransitionTime { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }
}
