using System.Collections.Concurrent;
using System.Globalization;

namespace Actors.Runtime.Reminders;

/// <summary>A reminder table in process memory, for single-process tests.</summary>
public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId, string), ReminderEntry> _rows = new();
    private long _version;

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>(_rows.Values.Where(r => r.GrainId == grainId).ToArray());

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint begin, uint end, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>(_rows.Values.Where(r => InRange(r.GrainHash, begin, end)).ToArray());

    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) ? row : null);

    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        var etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        _rows[(entry.GrainId, entry.ReminderName)] = entry with { ETag = etag };
        return Task.FromResult(etag);
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) && row.ETag == etag
            && _rows.TryRemove(KeyValuePair.Create((grainId, reminderName), row)));

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
