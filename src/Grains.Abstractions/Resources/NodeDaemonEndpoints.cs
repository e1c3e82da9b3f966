namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes NodeDaemonEndpoints type.</summary>
public sealed class NodeDaemonEndpoints : ResourceModel
{
    public DaemonEndpoint? KubeletEndpoint { get; set; }
}
