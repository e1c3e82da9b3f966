namespace Actors.Storage;

/// <summary>One stored state record: the payload (UTF-8 JSON) and its version as an ETag.</summary>
public sealed record GrainStateRecord(byte[] Payload, string ETag);

/// <summary>
/// Grain state storage with Orleans' contract: an insert when the ETag is null (a duplicate insert fails),
/// an update or clear only where the stored version equals the ETag; any mismatch throws
/// <see cref="Actors.Runtime.InconsistentStateException"/>. No automatic retries.
/// </summary>
public interface IGrainStorage
{
    /// <param name="stateType"><c>graintype/stateName</c>, so two grain types cannot collide.</param>
    Task<GrainStateRecord?> ReadAsync(string stateType, string grainKey, CancellationToken cancellationToken);

    /// <returns>The new ETag.</returns>
    Task<string> WriteAsync(string stateType, string grainKey, ReadOnlyMemory<byte> payload, string? etag, CancellationToken cancellationToken);

    Task ClearAsync(string stateType, string grainKey, string? etag, CancellationToken cancellationToken);
}
