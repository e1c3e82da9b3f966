namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ScaleStatus type.</summary>
public sealed class ScaleStatus : ResourceModel
{
    public int? Replicas { get; set; }

    public string? Selector { get; set; }
}
