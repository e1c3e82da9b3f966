namespace Actors.NodeAgent.Docker;

/// <summary>One entry of <c>GET /containers/json</c>.</summary>
public sealed record ContainerSummary
{
    public string Id { get; init; } = "";

    /// <summary>Names with a leading slash.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    public string Image { get; init; } = "";

    public string ImageID { get; init; } = "";

    /// <summary>Seconds since the Unix epoch.</summary>
    public long Created { get; init; }

    /// <summary><c>created</c>, <c>running</c>, <c>exited</c>, …</summary>
    public string State { get; init; } = "";

    /// <summary>Human text such as <c>Up 3 seconds</c>.</summary>
    public string Status { get; init; } = "";

    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
