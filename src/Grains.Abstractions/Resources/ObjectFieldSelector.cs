namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ObjectFieldSelector type.</summary>
public sealed class ObjectFieldSelector : ResourceModel
{
    public string? ApiVersion { get; set; }

    public string? FieldPath { get; set; }
}
