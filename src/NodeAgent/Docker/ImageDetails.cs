namespace Actors.NodeAgent.Docker;

/// <summary>The part of <c>GET /images/{name}/json</c> the agent uses.</summary>
public sealed record ImageDetails
{
    public string Id { get; init; } = "";

    public IReadOnlyList<string>? RepoTags { get; init; }

    public DateTimeOffset Created { get; init; }

    public long Size { get; init; }

    public string Architecture { get; init; } = "";

    public string Os { get; init; } = "";

    public ImageConfig? Config { get; init; }
}
