namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ServiceSpec type.</summary>
public sealed class ServiceSpec : ResourceModel
{
    public List<ServicePort>? Ports { get; set; }

    public Dictionary<string, string>? Selector { get; set; }

    public string? ClusterIP { get; set; }

    public List<string>? ClusterIPs { get; set; }

    public string? Type { get; set; }

    public List<string>? ExternalIPs { get; set; }

    public string? SessionAffinity { get; set; }

    public string? LoadBalancerIP { get; set; }

    public string? ExternalName { get; set; }

    public string? ExternalTrafficPolicy { get; set; }

    public string? InternalTrafficPolicy { get; set; }

    public int? HealthCheckNodePort { get; set; }

    public bool? PublishNotReadyAddresses { get; set; }

    public List<string>? IpFamilies { get; set; }

    public string? IpFamilyPolicy { get; set; }

    public bool? AllocateLoadBalancerNodePorts { get; set; }
}
