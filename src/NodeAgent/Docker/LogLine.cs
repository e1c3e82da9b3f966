namespace Actors.NodeAgent.Docker;

/// <summary>One line of container output without its line ending; the timestamp is set when asked for.</summary>
public sealed record LogLine(LogStream Stream, string Text, DateTimeOffset? Timestamp = null);
