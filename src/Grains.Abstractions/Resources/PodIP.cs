namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes PodIP type.</summary>
public sealed class PodIP : ResourceModel
{
    public string? Ip { get; set; }
}
