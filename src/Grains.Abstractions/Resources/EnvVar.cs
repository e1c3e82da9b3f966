namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes EnvVar type.</summary>
public sealed class EnvVar : ResourceModel
{
    public string? Name { get; set; }

    public string? Value { get; set; }

    public EnvVarSource? ValueFrom { get; set; }
}
