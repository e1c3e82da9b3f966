namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Volume type.</summary>
public sealed class Volume : ResourceModel
{
    public string? Name { get; set; }

    public HostPathVolumeSource? HostPath { get; set; }

    public EmptyDirVolumeSource? EmptyDir { get; set; }

    public SecretVolumeSource? Secret { get; set; }

    public ConfigMapVolumeSource? ConfigMap { get; set; }

    public PersistentVolumeClaimVolumeSource? PersistentVolumeClaim { get; set; }
}
