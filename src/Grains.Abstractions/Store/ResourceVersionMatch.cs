namespace Actors.Grains.Abstractions.Store;

/// <summary>How a list interprets <see cref="ListOptions.ResourceVersion"/> (Kubernetes' resourceVersionMatch).</summary>
public enum ResourceVersionMatch
{
    /// <summary>Any state at least as new as the given revision; the store answers from its current state.</summary>
    NotOlderThan,

    /// <summary>The state exactly at the given revision, read from the history (410 when compacted).</summary>
    Exact,
}
