namespace Actors.Runtime.Reminders;

/// <summary>One reminder this silo delivers: a timer that fires at each period boundary after StartAt.</summary>
internal sealed class LocalReminder(ReminderEntry entry, TimeProvider time, Func<ReminderEntry, DateTimeOffset, Task> fire) : IDisposable
{
    private ITimer? _timer;
    private bool _disposed;

    public ReminderEntry Entry { get; } = entry;

    public void Start()
    {
        _timer = DetachedTimer.Create(time, _ => _ = TickAsync());
        ArmNext();
    }

    /// <summary>The next due time strictly after now: missed ticks while no silo owned it are not replayed.</summary>
    public static DateTimeOffset NextTick(DateTimeOffset startAt, TimeSpan period, DateTimeOffset now)
    {
        if (now < startAt)
        {
            return startAt;
        }
        var elapsedPeriods = (long)((now - startAt).Ticks / period.Ticks) + 1;
        return startAt + TimeSpan.FromTicks(period.Ticks * elapsedPeriods);
    }

    private void ArmNext()
    {
        if (_disposed)
        {
            return;
        }
        var now = time.GetUtcNow();
        _timer?.Change(NextTick(Entry.StartAt, Entry.Period, now) - now, Timeout.InfiniteTimeSpan);
    }

    private async Task TickAsync()
    {
        if (_disposed)
        {
            return;
        }
        await fire(Entry, time.GetUtcNow());
        ArmNext();
    }

    public void Dispose()
    {
        _disposed = true;
        _timer?.Dispose();
    }
}
