namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes EndpointPort type.</summary>
public sealed class EndpointPort : ResourceModel
{
    public string? Name { get; set; }

    public int? Port { get; set; }

    public string? Protocol { get; set; }

    public string? AppProtocol { get; set; }
}
