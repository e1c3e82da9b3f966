namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ScaleSpec type.</summary>
public sealed class ScaleSpec : ResourceModel
{
    public int? Replicas { get; set; }
}
