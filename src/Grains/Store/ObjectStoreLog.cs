
namespace Actors.Grains.Store;

internal static partial class ObjectStoreLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Object store schema migrated from version {From} to {To}")]
    public static partial void SchemaMigrated(ILogger logger, int from, int to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Object store change feed failed to read the history; retrying")]
    public static partial void FeedReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Object store LISTEN connection failed; reconnecting in {Delay}")]
    public static partial void ListenFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Object store change feed fell behind compaction (feed at {FeedRevision}, compacted to {CompactedRevision}); watchers resynchronize")]
    public static partial void FeedBehindCompaction(ILogger logger, long feedRevision, long compactedRevision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Object store compacted its history up to revision {Revision}")]
    public static partial void Compacted(ILogger logger, long revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Object store background compaction failed")]
    public static partial void CompactionFailed(ILogger logger, Exception exception);
}
