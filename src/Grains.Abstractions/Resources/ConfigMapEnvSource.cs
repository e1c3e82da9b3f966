namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ConfigMapEnvSource type.</summary>
public sealed class ConfigMapEnvSource : ResourceModel
{
    public string? Name { get; set; }

    public bool? Optional { get; set; }
}
