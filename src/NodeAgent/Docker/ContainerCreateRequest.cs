namespace Actors.NodeAgent.Docker;

/// <summary>What <see cref="IDockerClient.CreateContainerAsync"/> sends to <c>POST /containers/create</c>.</summary>
public sealed record ContainerCreateRequest
{
    /// <summary>The container name, unique on the engine: a second create with it is a Conflict.</summary>
    public required string Name { get; init; }

    public required string Image { get; init; }

    /// <summary>Overrides the image's CMD when not null.</summary>
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Overrides the image's ENTRYPOINT when not null.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Variables as <c>NAME=value</c>, in order.</summary>
    public IReadOnlyList<string>? Env { get; init; }

    public string? WorkingDir { get; init; }

    public string? Hostname { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyList<ContainerPort>? ExposedPorts { get; init; }

    public bool Tty { get; init; }

    /// <summary>Keeps the process's stdin open for a later attach (a pod's <c>stdin: true</c>).</summary>
    public bool OpenStdin { get; init; }

    /// <summary>Closes that stdin when the first attached client leaves (a pod's <c>stdinOnce: true</c>).</summary>
    public bool StdinOnce { get; init; }

    public ContainerHostConfig HostConfig { get; init; } = new();
}
