namespace Actors.Grains.Abstractions.Store;

/// <summary>
/// The requested revision is older than the compacted history (Kubernetes' 410 Gone, reason Expired): the
/// client must list again. Thrown by watches, lists at an exact revision and expired continue tokens.
/// </summary>
public sealed class TooOldResourceVersionException : Exception
{
    public TooOldResourceVersionException(long requestedRevision, long compactedRevision)
        : base($"too old resource version: {requestedRevision} ({compactedRevision})")
    {
        RequestedRevision = requestedRevision;
        CompactedRevision = compactedRevision;
    }

    public long RequestedRevision { get; }

    /// <summary>History at or before this revision may be gone; watching from it or later works.</summary>
    public long CompactedRevision { get; }

    /// <summary>The HTTP status the gateway answers with.</summary>
    public int StatusCode => 410;
}
