namespace Actors.NodeAgent.Runtime;

/// <summary>The pod log endpoint's options (tailLines, sinceSeconds/sinceTime, timestamps, follow).</summary>
public sealed record ContainerLogQuery(bool Follow = false, int? TailLines = null, DateTimeOffset? Since = null, bool Timestamps = false);
