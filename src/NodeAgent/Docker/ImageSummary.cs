namespace Actors.NodeAgent.Docker;

/// <summary>One entry of <c>GET /images/json</c>.</summary>
public sealed record ImageSummary
{
    public string Id { get; init; } = "";

    public IReadOnlyList<string>? RepoTags { get; init; }

    /// <summary>Seconds since the Unix epoch.</summary>
    public long Created { get; init; }

    public long Size { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
