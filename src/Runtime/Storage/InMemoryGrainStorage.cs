using System.Collections.Concurrent;

namespace Actors.Storage;

/// <summary>Grain storage in process memory with the same ETag contract as the SQL stores; for tests and samples.</summary>
public sealed class InMemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string, string), GrainStateRecord> _records = new();
    private long _version;

    public Task<GrainStateRecord?> ReadAsync(string stateType, string grainKey, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue((stateType, grainKey), out var record) ? record : null);

    public Task<string> WriteAsync(string stateType, string grainKey, ReadOnlyMemory<byte> payload, string? etag, CancellationToken cancellationToken)
    {
        var key = (stateType, grainKey);
        var next = new GrainStateRecord(payload.ToArray(), Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (etag is null)
        {
            if (!_records.TryAdd(key, next))
            {
                throw new Actors.Runtime.InconsistentStateException($"State {stateType}/{grainKey} already exists.", _records[key].ETag, null);
            }
            return Task.FromResult(next.ETag);
        }
        if (!_records.TryGetValue(key, out var current) || current.ETag != etag || !_records.TryUpdate(key, next, current))
        {
            throw new Actors.Runtime.InconsistentStateException($"ETag mismatch writing {stateType}/{grainKey}.", current?.ETag, etag);
        }
        return Task.FromResult(next.ETag);
    }

    public Task ClearAsync(string stateType, string grainKey, string? etag, CancellationToken cancellationToken)
    {
        var key = (stateType, grainKey);
        if (etag is null)
        {
            return Task.CompletedTask;
        }
        if (!_records.TryGetValue(key, out var current) || current.ETag != etag || !_records.TryRemove(KeyValuePair.Create(key, current)))
        {
            throw new Actors.Runtime.InconsistentStateException($"ETag mismatch clearing {stateType}/{grainKey}.", current?.ETag, etag);
        }
        return Task.CompletedTask;
    }
}
