namespace Actors;

/// <summary>Orleans' timer options: a tick is a turn; ticks never overlap; the next one is armed after the last completes.</summary>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    /// <summary>Whether ticks may run while a request is in progress (and requests while a tick awaits).</summary>
    public bool Interleave { get; init; }

    /// <summary>Whether a tick counts as activity, preventing idle collection.</summary>
    public bool KeepAlive { get; init; }
}
