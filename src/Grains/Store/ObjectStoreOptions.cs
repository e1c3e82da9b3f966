namespace Actors.Grains.Store;

/// <summary>Tuning of <see cref="ObjectStore"/>; the defaults suit a small cluster.</summary>
public sealed record ObjectStoreOptions
{
    /// <summary>
    /// How often the change feed polls when nothing woke it. Local writes and PostgreSQL NOTIFY wake it at once;
    /// the poll only repairs a lost notification (e.g. while the LISTEN connection reconnects).
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the background compaction runs; <see cref="TimeSpan.Zero"/> disables it.</summary>
    public TimeSpan CompactionInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>History younger than this is kept.</summary>
    public TimeSpan RetainDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The newest this many revisions are kept regardless of age.</summary>
    public long RetainRevisions { get; init; } = 10_000;

    /// <summary>Events a watcher may have queued before it falls back to reading the history itself.</summary>
    public int WatcherBufferSize { get; init; } = 4_096;

    /// <summary>
    /// Seals Secrets at rest (see <see cref="StoredObjectCodec"/>); null stores them as plain JSON. Every store on
    /// one database must have the same key, or it cannot read the Secrets the others wrote.
    /// </summary>
    public SecretsKey? SecretsKey { get; init; }

    public void Validate()
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "PollInterval must be positive");
        }
        if (CompactionInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CompactionInterval), CompactionInterval, "CompactionInterval must not be negative");
        }
        if (RetainDuration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetainDuration), RetainDuration, "RetainDuration must not be negative");
        }
        if (RetainRevisions < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RetainRevisions), RetainRevisions, "RetainRevisions must not be negative");
        }
        if (WatcherBufferSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WatcherBufferSize), WatcherBufferSize, "WatcherBufferSize must be at least 1");
        }
    }
}
