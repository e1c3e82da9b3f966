namespace Actors.Grains.Store;

/// <summary>Chooses the revision background compaction compacts to.</summary>
internal static class CompactionPolicy
{
    /// <summary>
    /// A change is kept while it is among the newest <paramref name="retainRevisions"/> revisions or younger than
    /// the retention duration; <paramref name="newestRevisionBeforeCutoff"/> is the newest revision written before
    /// that cutoff (null when none). Returns null when nothing new can be compacted.
    /// </summary>
    public static long? Choose(long currentRevision, long? newestRevisionBeforeCutoff, long retainRevisions, long compactedRevision)
    {
        if (newestRevisionBeforeCutoff is not { } beforeCutoff)
        {
            return null;
        }
        var target = Math.Min(currentRevision - retainRevisions, beforeCutoff);
        return target > compactedRevision ? target : null;
    }
}
