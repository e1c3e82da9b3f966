namespace Actors.NodeAgent.Docker;

/// <summary>The <c>NetworkSettings</c> of an inspected container; a container joined to a sandbox has no IP of its own.</summary>
public sealed record ContainerNetworkSettings
{
    public string IPAddress { get; init; } = "";
}
