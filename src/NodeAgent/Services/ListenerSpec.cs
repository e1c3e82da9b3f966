using System.Net;

namespace Actors.NodeAgent.Services;

/// <summary>One TCP listener the proxy keeps: the address and port it binds and the Service port it forwards to.</summary>
public sealed record ListenerSpec(IPAddress Address, int Port, ServicePortKey Target)
{
    public IPEndPoint EndPoint => new(Address, Port);

    public override string ToString() => $"{EndPoint} -> {Target}";
}
