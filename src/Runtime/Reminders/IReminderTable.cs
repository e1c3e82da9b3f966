namespace Actors.Runtime.Reminders;

/// <summary>Orleans' reminder table contract, rows keyed by (grain, reminder name).</summary>
public interface IReminderTable
{
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Rows whose grain hash is in the ring range (begin, end]; begin &gt;= end wraps around.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint begin, uint end, CancellationToken cancellationToken);

    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    /// <returns>The new ETag.</returns>
    Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <returns>False when the row is gone or its ETag changed.</returns>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken);
}
