namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ConfigMapKeySelector type.</summary>
public sealed class ConfigMapKeySelector : ResourceModel
{
    public string? Name { get; set; }

    public string? Key { get; set; }

    public bool? Optional { get; set; }
}
