namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes EnvFromSource type.</summary>
public sealed class EnvFromSource : ResourceModel
{
    public string? Prefix { get; set; }

    public ConfigMapEnvSource? ConfigMapRef { get; set; }

    public SecretEnvSource? SecretRef { get; set; }
}
