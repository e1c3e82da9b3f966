using System.Net;

namespace Actors.NodeAgent.Services;

/// <summary>One listener the proxy keeps: the protocol (TCP or UDP), the address and port it binds and the Service port it forwards to.</summary>
public sealed record ListenerSpec(IPAddress Address, int Port, ServicePortKey Target, string Protocol = ListenerSpec.Tcp)
{
    public const string Tcp = "TCP";
    public const string Udp = "UDP";

    public IPEndPoint EndPoint => new(Address, Port);

    public override string ToString() => Protocol == Tcp ? $"{EndPoint} -> {Target}" : $"{EndPoint}/{Protocol} -> {Target}";
}
