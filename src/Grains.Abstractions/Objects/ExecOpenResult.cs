namespace Actors.Grains.Abstractions.Objects;

/// <summary>An exec session the node agent opened, or why it could not (<see cref="NotFound"/>: no such pod or container there).</summary>
public sealed record ExecOpenResult(string? SessionId, string? Error = null, bool NotFound = false);
