namespace Actors.NodeAgent.Docker;

/// <summary>The part of <c>GET /containers/{id}/json</c> the agent rebuilds pod status from.</summary>
public sealed record ContainerDetails
{
    public string Id { get; init; } = "";

    /// <summary>The engine's name, with a leading slash.</summary>
    public string Name { get; init; } = "";

    /// <summary>The image ID the container runs (<c>sha256:…</c>); <see cref="ContainerConfig.Image"/> is the name asked for.</summary>
    public string Image { get; init; } = "";

    public DateTimeOffset Created { get; init; }

    public int RestartCount { get; init; }

    public ContainerState State { get; init; } = new();

    public ContainerConfig Config { get; init; } = new();

    public ContainerNetworkSettings NetworkSettings { get; init; } = new();

    public ContainerInspectHostConfig HostConfig { get; init; } = new();
}
