namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ContainerImage type.</summary>
public sealed class ContainerImage : ResourceModel
{
    public List<string>? Names { get; set; }

    public long? SizeBytes { get; set; }
}
