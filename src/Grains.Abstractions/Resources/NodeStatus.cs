namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes NodeStatus type.</summary>
public sealed class NodeStatus : ResourceModel
{
    public Dictionary<string, Quantity>? Capacity { get; set; }

    public Dictionary<string, Quantity>? Allocatable { get; set; }

    public string? Phase { get; set; }

    public List<NodeCondition>? Conditions { get; set; }

    public List<NodeAddress>? Addresses { get; set; }

    public NodeDaemonEndpoints? DaemonEndpoints { get; set; }

    public NodeSystemInfo? NodeInfo { get; set; }

    public List<ContainerImage>? Images { get; set; }
}
