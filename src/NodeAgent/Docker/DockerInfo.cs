namespace Actors.NodeAgent.Docker;

/// <summary>The part of <c>GET /info</c> a node reports as its capacity and system info.</summary>
public sealed record DockerInfo
{
    public int NCPU { get; init; }

    public long MemTotal { get; init; }

    public string ServerVersion { get; init; } = "";

    public string OperatingSystem { get; init; } = "";

    public string KernelVersion { get; init; } = "";

    public string Architecture { get; init; } = "";

    public string Name { get; init; } = "";
}
