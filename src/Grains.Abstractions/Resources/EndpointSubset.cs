namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes EndpointSubset type.</summary>
public sealed class EndpointSubset : ResourceModel
{
    public List<EndpointAddress>? Addresses { get; set; }

    public List<EndpointAddress>? NotReadyAddresses { get; set; }

    public List<EndpointPort>? Ports { get; set; }
}
