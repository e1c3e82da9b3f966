namespace Actors.NodeAgent.Docker;

/// <summary>The <c>NetworkSettings</c> of an inspected container; a container joined to a sandbox has no IP of its own.</summary>
public sealed record ContainerNetworkSettings
{
    /// <summary>The address on the default bridge; empty on a user-defined network, whose address is in <see cref="Networks"/>.</summary>
    public string IPAddress { get; init; } = "";

    /// <summary>The container's address on each network it is attached to, by network name.</summary>
    public IReadOnlyDictionary<string, ContainerEndpoint>? Networks { get; init; }
}
