namespace Actors.Runtime;

/// <summary>
/// Timers that do not capture their creator's ExecutionContext: a tick is not part of the call that armed it
/// (it must not carry that call's request context or log scope), and a captured context kept those alive for
/// the timer's whole life, a few hundred bytes for every grain timer and reminder.
/// </summary>
internal static class DetachedTimer
{
    /// <summary>A stopped timer; arm it with <see cref="ITimer.Change"/>.</summary>
    public static ITimer Create(TimeProvider time, TimerCallback callback)
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            return time.CreateTimer(callback, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        using (ExecutionContext.SuppressFlow())
        {
            return time.CreateTimer(callback, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }
}
