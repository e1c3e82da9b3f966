namespace Actors.NodeAgent.Docker;

/// <summary>The <c>Config</c> of an inspected container.</summary>
public sealed record ContainerConfig
{
    public string Image { get; init; } = "";

    public string Hostname { get; init; } = "";

    public IReadOnlyList<string>? Cmd { get; init; }

    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyList<string>? Env { get; init; }

    public string WorkingDir { get; init; } = "";

    public bool Tty { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
