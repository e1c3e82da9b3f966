namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes LoadBalancerIngress type.</summary>
public sealed class LoadBalancerIngress : ResourceModel
{
    public string? Ip { get; set; }

    public string? Hostname { get; set; }
}
