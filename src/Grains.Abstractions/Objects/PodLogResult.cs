namespace Actors.Grains.Abstractions.Objects;

/// <summary>Log lines, or why there are none (the message a 400/404 Status carries).</summary>
public sealed record PodLogResult(bool Found, string[] Lines, string? Error = null);
