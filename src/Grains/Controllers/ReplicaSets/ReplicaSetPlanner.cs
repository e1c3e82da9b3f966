namespace Actors.Grains.Controllers.ReplicaSets;

/// <summary>
/// Matches a ReplicaSet's pods to its replicas, as Kubernetes' ReplicaSet controller: terminating and
/// finished pods do not count; on scale-down the cheapest pods to lose go first — unscheduled, then pending,
/// then not ready, then the newest.
/// </summary>
public static class ReplicaSetPlanner
{
    /// <summary>At most this many creations or deletions per pass, as Kubernetes' burstReplicas.</summary>
    public const int BurstReplicas = 500;

    public static ReplicaSetPlan Plan(int desired, IReadOnlyList<PodView> pods)
    {
        var active = pods.Where(IsActive).ToArray();
        var difference = active.Length - desired;
        if (difference < 0)
        {
            return new ReplicaSetPlan(Math.Min(-difference, BurstReplicas), []);
        }
        if (difference > 0)
        {
            var victims = active.OrderBy(p => p, DeletionOrder.Instance).Take(Math.Min(difference, BurstReplicas)).Select(p => p.Name).ToArray();
            return new ReplicaSetPlan(0, victims);
        }
        return ReplicaSetPlan.Nothing;
    }

    public static bool IsActive(PodView pod) => !pod.Terminating && pod.Phase is not ("Succeeded" or "Failed");

    /// <summary>Kubernetes' ActivePods ordering: the pod to delete first sorts first.</summary>
    private sealed class DeletionOrder : IComparer<PodView>
    {
        public static readonly DeletionOrder Instance = new();

        public int Compare(PodView? x, PodView? y)
        {
            var byScheduled = (x!.NodeName is null ? 0 : 1).CompareTo(y!.NodeName is null ? 0 : 1);
            if (byScheduled != 0)
            {
                return byScheduled;
            }
            var byPhase = PhaseRank(x.Phase).CompareTo(PhaseRank(y.Phase));
            if (byPhase != 0)
            {
                return byPhase;
            }
            var byReady = x.Ready.CompareTo(y.Ready);
            if (byReady != 0)
            {
                return byReady;
            }
            // Newer pods first: they have done the least work.
            return y.Created.CompareTo(x.Created);
        }

        private static int PhaseRank(string phase) => phase switch
        {
            "Pending" => 0,
            "Unknown" => 1,
            "Running" => 2,
            _ => 3,
        };
    }
}
