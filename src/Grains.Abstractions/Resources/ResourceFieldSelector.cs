namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ResourceFieldSelector type.</summary>
public sealed class ResourceFieldSelector : ResourceModel
{
    public string? ContainerName { get; set; }

    public string? Resource { get; set; }

    public Quantity? Divisor { get; set; }
}
