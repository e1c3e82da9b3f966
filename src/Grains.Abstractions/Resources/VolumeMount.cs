namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes VolumeMount type.</summary>
public sealed class VolumeMount : ResourceModel
{
    public string? Name { get; set; }

    public bool? ReadOnly { get; set; }

    public string? MountPath { get; set; }

    public string? SubPath { get; set; }

    public string? MountPropagation { get; set; }
}
