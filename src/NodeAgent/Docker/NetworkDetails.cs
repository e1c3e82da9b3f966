namespace Actors.NodeAgent.Docker;

/// <summary>The part of <c>GET /networks/{id}</c> that tells where the host sits on an engine network.</summary>
public sealed record NetworkDetails
{
    public string Name { get; init; } = "";

    public NetworkIpam IPAM { get; init; } = new();

    /// <summary>Driver options; for a bridge, <c>com.docker.network.bridge.name</c> names the host interface.</summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }
}

/// <summary>A network's address management: its subnets and, when the engine recorded one, their gateways.</summary>
public sealed record NetworkIpam
{
    public IReadOnlyList<NetworkIpamConfig>? Config { get; init; }
}

/// <summary>One subnet of a network; the default bridge often leaves <see cref="Gateway"/> out.</summary>
public sealed record NetworkIpamConfig
{
    public string? Subnet { get; init; }

    public string? Gateway { get; init; }
}
