namespace Actors.NodeAgent.Docker;

/// <summary>An image's defaults, which a pod's command, args and env override.</summary>
public sealed record ImageConfig
{
    public IReadOnlyList<string>? Cmd { get; init; }

    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyList<string>? Env { get; init; }

    public string? WorkingDir { get; init; }

    public string? User { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
