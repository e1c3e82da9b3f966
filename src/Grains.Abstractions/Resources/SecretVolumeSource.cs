namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes SecretVolumeSource type.</summary>
public sealed class SecretVolumeSource : ResourceModel
{
    public string? SecretName { get; set; }

    public List<KeyToPath>? Items { get; set; }

    public int? DefaultMode { get; set; }

    public bool? Optional { get; set; }
}
