namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes SecretEnvSource type.</summary>
public sealed class SecretEnvSource : ResourceModel
{
    public string? Name { get; set; }

    public bool? Optional { get; set; }
}
