namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// The Deployment's annotations its new ReplicaSet carries, as Kubernetes copies them: every one but those the
/// controller or kubectl keep per object, so <c>kubectl annotate deployment/web kubernetes.io/change-cause=…</c>
/// after a rollout began still reaches the revision's set and <c>kubectl rollout history</c>. An annotation that
/// leaves the Deployment stays on the set, as in Kubernetes.
/// </summary>
public static class CopiedAnnotations
{
    private static readonly HashSet<string> NotCopied =
    [
        "kubectl.kubernetes.io/last-applied-configuration",
        RevisionStamp.RevisionAnnotation,
        RevisionStamp.HistoryAnnotation,
        "deployment.kubernetes.io/desired-replicas",
        "deployment.kubernetes.io/max-replicas",
        "deprecated.deployment.rollback.to",
    ];

    /// <summary>The annotations the set must take (added or changed); empty when it has them all.</summary>
    public static IReadOnlyDictionary<string, string> Changes(IReadOnlyDictionary<string, string> deployment, IReadOnlyDictionary<string, string> replicaSet) =>
        deployment
            .Where(a => !NotCopied.Contains(a.Key) && (!replicaSet.TryGetValue(a.Key, out var current) || current != a.Value))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
}
