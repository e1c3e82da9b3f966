namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// Which old ReplicaSets a Deployment deletes to keep <c>revisionHistoryLimit</c> of them, as Kubernetes'
/// cleanupDeployment: of the sets beyond the limit, oldest revision first, only those scaled to zero with no
/// pods left and a settled status go; one still holding pods is skipped, not replaced by a newer one.
/// </summary>
public static class RevisionHistory
{
    public const int DefaultLimit = 10;

    /// <param name="old">The old sets only: the Deployment's current set is never a candidate.</param>
    public static IReadOnlyList<string> ToDelete(IReadOnlyList<HistoryEntry> old, int limit)
    {
        var alive = old.Where(r => !r.Deleting).ToArray();
        var excess = alive.Length - limit;
        if (excess <= 0)
        {
            return [];
        }
        return alive.OrderBy(r => r.Revision).ThenBy(r => r.Name, StringComparer.Ordinal).Take(excess)
            .Where(r => r.Replicas == 0 && r.Pods == 0 && r.Settled)
            .Select(r => r.Name).ToArray();
    }
}
