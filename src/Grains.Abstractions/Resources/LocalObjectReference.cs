namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes LocalObjectReference type.</summary>
public sealed class LocalObjectReference : ResourceModel
{
    public string? Name { get; set; }
}
