using System.Net;

namespace Actors.NodeAgent.Services;

/// <summary>
/// What a node needs of a Service: its cluster IP (null when headless or not yet allocated) and its ports.
/// <paramref name="Headless"/> is <c>clusterIP: None</c>: no proxy, DNS answers with the pod IPs instead.
/// </summary>
public sealed record ServiceInfo(string Namespace, string Name, IPAddress? ClusterIP, bool Headless, IReadOnlyList<ServicePortInfo> Ports);

/// <summary>One port of a Service; <paramref name="NodePort"/> is 0 when the service has none.</summary>
public sealed record ServicePortInfo(string Name, string Protocol, int Port, int NodePort, string TargetPort);

/// <summary>Names one port of one Service, the unit the proxy balances over.</summary>
public sealed record ServicePortKey(string Namespace, string Service, string Port)
{
    public override string ToString() => Port.Length == 0 ? $"{Namespace}/{Service}" : $"{Namespace}/{Service}:{Port}";
}
