using System.Net;
using System.Net.Sockets;

namespace Actors.NodeAgent.Services;

/// <summary>
/// Which listeners and loopback addresses a node should have for the Services that exist. TCP and UDP ports
/// (SCTP ports get none). A NodePort is served on 127.0.0.1 and on the bridge gateway (where pods reach the host); a
/// cluster IP (IPv4: the bridge is IPv4) is an address on the host's loopback, served on the Service port.
/// Headless services get neither.
/// </summary>
public static class ListenerPlan
{
    public static IReadOnlySet<ListenerSpec> Listeners(IEnumerable<ServiceInfo> services, IPAddress? bridgeGateway)
    {
        var listeners = new HashSet<ListenerSpec>();
        foreach (var service in services)
        {
            foreach (var port in service.Ports.Where(p => Proxied(p) && p.Port is > 0 and <= 65535))
            {
                var target = new ServicePortKey(service.Namespace, service.Name, port.Name);
                if (service.ClusterIP is { AddressFamily: AddressFamily.InterNetwork } clusterIP && !service.Headless)
                {
                    listeners.Add(new ListenerSpec(clusterIP, port.Port, target, port.Protocol));
                }
                if (port.NodePort is > 0 and <= 65535)
                {
                    listeners.Add(new ListenerSpec(IPAddress.Loopback, port.NodePort, target, port.Protocol));
                    if (bridgeGateway is not null)
                    {
                        listeners.Add(new ListenerSpec(bridgeGateway, port.NodePort, target, port.Protocol));
                    }
                }
            }
        }
        return listeners;
    }

    /// <summary>The cluster IPs the loopback interface must carry: every IPv4 one that has a listener.</summary>
    public static IReadOnlySet<IPAddress> LoopbackAddresses(IEnumerable<ServiceInfo> services) =>
        services.Where(s => !s.Headless && s.ClusterIP is { AddressFamily: AddressFamily.InterNetwork } && s.Ports.Any(Proxied))
            .Select(s => s.ClusterIP!).ToHashSet();

    private static bool Proxied(ServicePortInfo port) => port.Protocol is ListenerSpec.Tcp or ListenerSpec.Udp;

    /// <summary>What to close and what to open to go from the current listeners to the wanted ones; closes come first.</summary>
    public static (IReadOnlyList<ListenerSpec> Close, IReadOnlyList<ListenerSpec> Open) Diff(IReadOnlySet<ListenerSpec> current, IReadOnlySet<ListenerSpec> wanted) =>
        ([.. current.Where(l => !wanted.Contains(l))], [.. wanted.Where(l => !current.Contains(l))]);
}
