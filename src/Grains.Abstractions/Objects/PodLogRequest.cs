namespace Actors.Grains.Abstractions.Objects;

/// <summary>The pod log endpoint's query, as the node agent serves it.</summary>
public sealed record PodLogRequest(
    string Namespace,
    string Pod,
    string? Container,
    bool Previous = false,
    int? TailLines = null,
    DateTimeOffset? Since = null,
    bool Timestamps = false,
    int? LimitBytes = null);
