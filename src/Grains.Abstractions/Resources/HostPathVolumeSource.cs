namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes HostPathVolumeSource type.</summary>
public sealed class HostPathVolumeSource : ResourceModel
{
    public string? Path { get; set; }

    public string? Type { get; set; }
}
