namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ServiceStatus type.</summary>
public sealed class ServiceStatus : ResourceModel
{
    public LoadBalancerStatus? LoadBalancer { get; set; }
}
