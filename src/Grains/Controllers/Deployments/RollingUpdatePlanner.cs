namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// One step of a RollingUpdate, as Kubernetes' deployment controller takes it: first scale the new
/// ReplicaSet up as far as maxSurge allows; if that changed nothing, scale old ones down as far as
/// maxUnavailable allows (unhealthy pods first, oldest sets first). Total pods never exceed
/// desired + maxSurge and available pods never drop below desired - maxUnavailable. Pure: the grain applies
/// the actions and plans again when pods change.
/// </summary>
public static class RollingUpdatePlanner
{
    public static IReadOnlyList<ScaleAction> Plan(RolloutInput input)
    {
        var newTarget = NewReplicaSetTarget(input);
        if (newTarget != input.New.Replicas)
        {
            return [new ScaleAction(input.New.Name, newTarget)];
        }
        return ScaleDownOld(input);
    }

    /// <summary>Kubernetes' NewRSNewReplicas: towards desired, within desired + maxSurge pods in total.</summary>
    public static int NewReplicaSetTarget(RolloutInput input)
    {
        if (input.New.Replicas >= input.Desired)
        {
            return input.Desired;
        }
        // Pods of a scaled-down set that are not yet terminating still count, so the surge holds at every moment.
        var current = input.New.Counted + input.Old.Sum(r => r.Counted);
        var maxTotal = input.Desired + input.MaxSurge;
        if (current >= maxTotal)
        {
            return input.New.Replicas;
        }
        return input.New.Replicas + Math.Min(maxTotal - current, input.Desired - input.New.Replicas);
    }

    private static IReadOnlyList<ScaleAction> ScaleDownOld(RolloutInput input)
    {
        var old = input.Old.OrderBy(r => r.Revision).ToList();
        if (old.Sum(r => r.Replicas) == 0)
        {
            return [];
        }
        var all = input.New.Replicas + old.Sum(r => r.Replicas);
        var minAvailable = input.Desired - input.MaxUnavailable;
        var newUnavailable = input.New.Replicas - input.New.AvailableReplicas;
        var maxScaledDown = all - minAvailable - newUnavailable;
        if (maxScaledDown <= 0)
        {
            return [];
        }

        var target = old.ToDictionary(r => r.Name, r => r.Replicas);
        CleanupUnhealthy(old, target, maxScaledDown);
        ScaleDownAvailable(input.New.AvailableReplicas, minAvailable, old, target);

        return old.Where(r => target[r.Name] != r.Replicas).Select(r => new ScaleAction(r.Name, target[r.Name])).ToArray();
    }

    // Pods that are not available cost no availability to remove, so they go first (cleanupUnhealthyReplicas).
    private static void CleanupUnhealthy(List<ReplicaSetView> old, Dictionary<string, int> target, int maxCleanup)
    {
        var cleaned = 0;
        foreach (var rs in old)
        {
            var unhealthy = target[rs.Name] - rs.AvailableReplicas;
            if (unhealthy <= 0 || cleaned >= maxCleanup)
            {
                continue;
            }
            var count = Math.Min(maxCleanup - cleaned, unhealthy);
            target[rs.Name] -= count;
            cleaned += count;
        }
    }

    // Then available old pods, as long as availability stays at or above the minimum.
    private static void ScaleDownAvailable(int newAvailable, int minAvailable, List<ReplicaSetView> old, Dictionary<string, int> target)
    {
        var available = newAvailable + old.Sum(r => Math.Min(r.AvailableReplicas, target[r.Name]));
        var budget = available - minAvailable;
        foreach (var rs in old)
        {
            if (budget <= 0)
            {
                return;
            }
            var count = Math.Min(target[rs.Name], budget);
            if (count <= 0)
            {
                continue;
            }
            target[rs.Name] -= count;
            budget -= count;
        }
    }
}
