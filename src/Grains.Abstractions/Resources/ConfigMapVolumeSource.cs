namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ConfigMapVolumeSource type.</summary>
public sealed class ConfigMapVolumeSource : ResourceModel
{
    public string? Name { get; set; }

    public List<KeyToPath>? Items { get; set; }

    public int? DefaultMode { get; set; }

    public bool? Optional { get; set; }
}
