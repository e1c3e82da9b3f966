using System.Collections.Concurrent;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Reminders;

/// <summary>
/// Durable reminders (Orleans' LocalReminderService): rows live in the reminder table; each silo delivers the
/// reminders it owns, re-reading the table periodically and when membership changes, so a reminder whose
/// silo died fires again from a survivor. Delivery is a normal grain call, which reactivates the grain.
/// </summary>
internal sealed partial class ReminderService(
    IReminderTable table,
    ReminderOptions options,
    TimeProvider time,
    ILogger<ReminderService> logger) : IReminderRegistry, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(GrainId, string), LocalReminder> _local = new();
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _refreshTimer;

    /// <summary>Whether this silo delivers a grain's reminders; set by the cluster, always true on one silo.</summary>
    public Func<GrainId, bool> IsOwnedLocally { get; set; } = _ => true;

    /// <summary>Delivers one tick: a call to the grain's IRemindable.ReceiveReminder.</summary>
    public Func<GrainId, string, TickStatus, Task> DeliverAsync { get; set; } = (_, _, _) => Task.CompletedTask;

    public IReadOnlyCollection<ReminderEntry> LocalReminders => _local.Values.Select(r => r.Entry).ToArray();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await table.InitializeAsync(cancellationToken);
        _refreshTimer = time.CreateTimer(_ => _ = RefreshAsync(), null, TimeSpan.Zero, options.RefreshReminderListPeriod);
    }

    public async Task<IGrainReminder> RegisterOrUpdateReminderAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (period < options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), $"Reminder period {period} is below the minimum {options.MinimumReminderPeriod}.");
        }
        var entry = new ReminderEntry(grainId, reminderName, time.GetUtcNow() + dueTime, period);
        var etag = await table.UpsertRowAsync(entry, _stopping.Token);
        entry = entry with { ETag = etag };
        if (IsOwnedLocally(grainId))
        {
            Schedule(entry);
        }
        return new Reminder(reminderName, etag);
    }

    public async Task UnregisterReminderAsync(GrainId grainId, IGrainReminder reminder)
    {
        var row = await table.ReadRowAsync(grainId, reminder.ReminderName, _stopping.Token);
        if (row?.ETag is { } etag)
        {
            await table.RemoveRowAsync(grainId, reminder.ReminderName, etag, _stopping.Token);
        }
        if (_local.TryRemove((grainId, reminder.ReminderName), out var local))
        {
            local.Dispose();
        }
    }

    public async Task<IReadOnlyList<IGrainReminder>> GetRemindersAsync(GrainId grainId)
    {
        var rows = await table.ReadRowsAsync(grainId, _stopping.Token);
        return rows.Select(r => (IGrainReminder)new Reminder(r.ReminderName, r.ETag ?? "")).ToArray();
    }

    /// <summary>Re-reads the table and delivers exactly the reminders this silo owns now.</summary>
    public async Task RefreshAsync()
    {
        try
        {
            var rows = await table.ReadRowsAsync(0, 0, _stopping.Token);
            var owned = rows.Where(r => IsOwnedLocally(r.GrainId)).ToDictionary(r => (r.GrainId, r.ReminderName));
            foreach (var (key, local) in _local)
            {
                if (!owned.TryGetValue(key, out var row) || row.ETag != local.Entry.ETag)
                {
                    if (_local.TryRemove(key, out var removed))
                    {
                        removed.Dispose();
                    }
                }
            }
            foreach (var row in owned.Values)
            {
                if (!_local.ContainsKey((row.GrainId, row.ReminderName)))
                {
                    Schedule(row);
                }
            }
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            LogRefreshFailed(logger, exception);
        }
    }

    private void Schedule(ReminderEntry entry)
    {
        var reminder = new LocalReminder(entry, time, Fire);
        if (_local.TryGetValue((entry.GrainId, entry.ReminderName), out var previous))
        {
            previous.Dispose();
        }
        _local[(entry.GrainId, entry.ReminderName)] = reminder;
        reminder.Start();
    }

    private async Task Fire(ReminderEntry entry, DateTimeOffset tickTime)
    {
        try
        {
            await DeliverAsync(entry.GrainId, entry.ReminderName, new TickStatus(entry.StartAt, entry.Period, tickTime));
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            LogDeliveryFailed(logger, entry.ReminderName, entry.GrainId, exception);
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _refreshTimer?.Dispose();
        foreach (var reminder in _local.Values)
        {
            reminder.Dispose();
        }
        _local.Clear();
        return ValueTask.CompletedTask;
    }

    private sealed record Reminder(string ReminderName, string ETag) : IGrainReminder;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the reminder table failed; retrying at the next refresh")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering reminder {ReminderName} to {GrainId} failed")]
    private static partial void LogDeliveryFailed(ILogger logger, string reminderName, GrainId grainId, Exception exception);
}
