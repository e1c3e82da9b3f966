namespace Actors.Grains.Abstractions.Objects;

/// <summary>A stream session the node agent opened, or why it could not (<see cref="NotFound"/>: no such pod or container there).</summary>
public sealed record StreamOpenResult(string? SessionId, string? Error = null, bool NotFound = false);
