using System.Text;
using Actors.Serialization;
using Actors.Storage;

namespace Actors.Runtime;

/// <summary>
/// <see cref="IPersistentState{TState}"/> over an <see cref="IGrainStorage"/>: JSON payload, the stored
/// version as ETag, every write conditional on it.
/// </summary>
internal sealed class PersistentStateImpl<TState>(string stateType, string stateName, string grainKey, IGrainStorage storage)
    : IPersistentState<TState>, IPersistentStateInfo
    where TState : new()
{
    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public string StateName { get; } = stateName;

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var record = await storage.ReadAsync(stateType, grainKey, cancellationToken);
        if (record is null)
        {
            State = new TState();
            Etag = null;
            RecordExists = false;
            return;
        }
        State = GrainSerializer.Deserialize<TState>(record.Payload) ?? new TState();
        Etag = record.ETag;
        RecordExists = true;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var payload = GrainSerializer.Serialize(State, typeof(TState));
        Etag = await storage.WriteAsync(stateType, grainKey, payload, Etag, cancellationToken);
        RecordExists = true;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearAsync(stateType, grainKey, Etag, cancellationToken);
        State = new TState();
        Etag = null;
        RecordExists = false;
    }

    public string ToJson() => Encoding.UTF8.GetString(GrainSerializer.Serialize(State, typeof(TState)));
}
