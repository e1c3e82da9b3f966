namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes EmptyDirVolumeSource type.</summary>
public sealed class EmptyDirVolumeSource : ResourceModel
{
    public string? Medium { get; set; }

    public Quantity? SizeLimit { get; set; }
}
