namespace Actors.NodeAgent.Docker;

/// <summary>A container's attachment to one network.</summary>
public sealed record ContainerEndpoint
{
    public string IPAddress { get; init; } = "";
}
