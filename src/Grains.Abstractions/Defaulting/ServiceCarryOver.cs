using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Defaulting;

/// <summary>
/// What a Service update keeps from the stored Service, as Kubernetes' service strategy does before it
/// validates: a replace that leaves clusterIP or nodePorts out keeps the allocated ones, and a change of type
/// drops the values the new type has no use for (unless the user changed them too, which validation then
/// reports). Pure: returns a copy.
/// </summary>
public static class ServiceCarryOver
{
    public static Service Apply(Service service, Service old)
    {
        var copy = KubernetesJson.Clone(service);
        var spec = copy.Spec ??= new ServiceSpec();
        var oldSpec = old.Spec ?? new ServiceSpec();
        DropTypeDependentFields(spec, oldSpec);
        if (NeedsClusterIP(oldSpec) && NeedsClusterIP(spec))
        {
            if (string.IsNullOrEmpty(spec.ClusterIP))
            {
                spec.ClusterIP = oldSpec.ClusterIP;
            }

            if ((spec.ClusterIPs?.Count ?? 0) == 0 && oldSpec.ClusterIPs is { Count: > 0 } clusterIPs)
            {
                spec.ClusterIPs = [.. clusterIPs];
            }
        }

        if (NeedsNodePorts(oldSpec) && NeedsNodePorts(spec))
        {
            // Matched by port name, as Kubernetes does; a nodePort another port now asks for stays with that one.
            var used = (spec.Ports ?? []).Select(p => p.NodePort ?? 0).Where(p => p != 0).ToHashSet();
            var byName = (oldSpec.Ports ?? []).GroupBy(p => p.Name ?? "").ToDictionary(g => g.Key, g => g.First().NodePort ?? 0);
            foreach (var port in (spec.Ports ?? []).Where(p => (p.NodePort ?? 0) == 0))
            {
                var carried = byName.GetValueOrDefault(port.Name ?? "");
                if (carried != 0 && used.Add(carried))
                {
                    port.NodePort = carried;
                }
            }
        }

        return copy;
    }

    /// <summary>Every type but ExternalName has a clusterIP (or is headless).</summary>
    public static bool NeedsClusterIP(ServiceSpec spec) => TypeOf(spec) != "ExternalName";

    /// <summary>NodePort services, and LoadBalancer ones unless they opt out of node ports.</summary>
    public static bool NeedsNodePorts(ServiceSpec spec) => TypeOf(spec) switch
    {
        "NodePort" => true,
        "LoadBalancer" => spec.AllocateLoadBalancerNodePorts != false,
        _ => false,
    };

    private static string TypeOf(ServiceSpec spec) => string.IsNullOrEmpty(spec.Type) ? "ClusterIP" : spec.Type;

    private static void DropTypeDependentFields(ServiceSpec spec, ServiceSpec oldSpec)
    {
        if (NeedsClusterIP(oldSpec) && !NeedsClusterIP(spec))
        {
            if (spec.ClusterIP == oldSpec.ClusterIP && SameList(spec.ClusterIPs, oldSpec.ClusterIPs))
            {
                spec.ClusterIP = null;
                spec.ClusterIPs = null;
            }

            if (SameList(spec.IpFamilies, oldSpec.IpFamilies))
            {
                spec.IpFamilies = null;
            }

            if (spec.IpFamilyPolicy == oldSpec.IpFamilyPolicy)
            {
                spec.IpFamilyPolicy = null;
            }
        }

        var ports = spec.Ports ?? [];
        var oldPorts = oldSpec.Ports ?? [];
        if (NeedsNodePorts(oldSpec) && !NeedsNodePorts(spec)
            && ports.Count == oldPorts.Count && ports.Zip(oldPorts).All(p => (p.First.NodePort ?? 0) == (p.Second.NodePort ?? 0)))
        {
            foreach (var port in ports)
            {
                port.NodePort = null;
            }
        }
    }

    private static bool SameList(List<string>? a, List<string>? b) => (a ?? []).SequenceEqual(b ?? []);
}
