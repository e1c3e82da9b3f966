namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes LoadBalancerStatus type.</summary>
public sealed class LoadBalancerStatus : ResourceModel
{
    public List<LoadBalancerIngress>? Ingress { get; set; }
}
