namespace Actors.Grains.Scheduling;

/// <summary>
/// The scheduler's decision as a pure function: filter (Ready, schedulable, taints, nodeSelector, node
/// affinity, resources, pod anti-affinity), then score (least allocated, spread of siblings). The pod grain
/// tries the ranked nodes in order; the Node grain admits or refuses atomically. Only the best
/// <see cref="MaxRanked"/> are ranked: a refusal means the cache was stale, and a pod that runs out of them
/// tries again at its next pass with a fresher cache, as Kubernetes' scheduler retries a failed bind. Nodes
/// that score the same are ordered at random when a <see cref="Random"/> is given, as Kubernetes picks among
/// its best: pods of one ReplicaSet schedule at the same moment on their own grains, and a fixed order would
/// send them all to the same node before any of them is counted there.
/// </summary>
public static class SchedulingPlanner
{
    public const int MaxRanked = 8;

    public static SchedulingDecision Plan(PodRequirements pod, IReadOnlyList<NodeCandidate> nodes, Random? tieBreak = null)
    {
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var best = new List<Fit>(MaxRanked + 1);
        foreach (var node in nodes)
        {
            var reason = Filter(pod, node);
            if (reason is null)
            {
                KeepIfBest(best, new Fit(node, Score(pod, node), tieBreak?.Next() ?? 0));
            }
            else
            {
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }
        }
        if (best.Count == 0)
        {
            var detail = string.Join(", ", reasons.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Value} {r.Key}"));
            var message = nodes.Count == 0
                ? "0/0 nodes are available: no nodes are registered."
                : $"0/{nodes.Count} nodes are available: {detail}.";
            return new SchedulingDecision([], message);
        }
        return new SchedulingDecision(best.Select(f => f.Node.Name).ToArray(), null);
    }

    private readonly record struct Fit(NodeCandidate Node, double Score, int Lot);

    /// <summary>Inserts a fitting node into the best list, kept sorted (score, then lot, then name) and bounded.</summary>
    private static void KeepIfBest(List<Fit> best, Fit fit)
    {
        var at = best.Count;
        while (at > 0 && Ranks(fit, best[at - 1]))
        {
            at--;
        }
        if (at < MaxRanked)
        {
            best.Insert(at, fit);
            if (best.Count > MaxRanked)
            {
                best.RemoveAt(MaxRanked);
            }
        }
    }

    private static bool Ranks(Fit a, Fit b) =>
        a.Score > b.Score || (a.Score == b.Score && (a.Lot < b.Lot || (a.Lot == b.Lot && string.CompareOrdinal(a.Node.Name, b.Node.Name) < 0)));

    /// <summary>Null when the pod fits the node; otherwise the reason in Kubernetes' words.</summary>
    public static string? Filter(PodRequirements pod, NodeCandidate node)
    {
        if (!node.Ready)
        {
            return "node(s) were not ready";
        }
        if (node.Unschedulable)
        {
            return "node(s) were unschedulable";
        }
        if (Untolerated(pod, node) is { } untolerated)
        {
            return $"node(s) had untolerated taint {{{untolerated.Key}: {untolerated.Value}}}";
        }
        if (!SelectorMatches(pod, node) || (pod.RequiredNodeTerms.Count > 0 && !pod.RequiredNodeTerms.Any(term => term.All(r => r.Matches(node.Labels)))))
        {
            return "node(s) didn't match Pod's node affinity/selector";
        }
        if (node.PodCount + 1 > node.AllocatablePods)
        {
            return "Too many pods";
        }
        if (node.RequestedMilliCpu + pod.MilliCpu > node.AllocatableMilliCpu)
        {
            return "Insufficient cpu";
        }
        if (node.RequestedMemoryBytes + pod.MemoryBytes > node.AllocatableMemoryBytes)
        {
            return "Insufficient memory";
        }
        if (pod.AntiAffinity.Count > 0 && pod.AntiAffinity.Any(matches => node.Pods.Any(matches)))
        {
            return "node(s) didn't match pod anti-affinity rules";
        }
        return null;
    }

    /// <summary>Least allocated after placing the pod (0–100), minus a penalty per sibling already there.</summary>
    public static double Score(PodRequirements pod, NodeCandidate node)
    {
        var cpuFree = Fraction(node.AllocatableMilliCpu - node.RequestedMilliCpu - pod.MilliCpu, node.AllocatableMilliCpu);
        var memoryFree = Fraction(node.AllocatableMemoryBytes - node.RequestedMemoryBytes - pod.MemoryBytes, node.AllocatableMemoryBytes);
        var leastAllocated = (cpuFree + memoryFree) / 2 * 100;
        var siblings = pod.SpreadOwner is null ? 0 : Siblings(node.Pods, pod.SpreadOwner);
        var podsFree = Fraction(node.AllocatablePods - node.PodCount - 1, node.AllocatablePods) * 100;
        return leastAllocated + podsFree - siblings * 10;
    }

    // Loops rather than LINQ: these run for every node for every pod, and closures would allocate each time.
    private static Taint? Untolerated(PodRequirements pod, NodeCandidate node)
    {
        foreach (var taint in node.Taints)
        {
            if (taint.Effect is not ("NoSchedule" or "NoExecute"))
            {
                continue;
            }
            var tolerated = false;
            foreach (var toleration in pod.Tolerations)
            {
                tolerated |= toleration.Tolerates(taint);
            }
            if (!tolerated)
            {
                return taint;
            }
        }
        return null;
    }

    private static int Siblings(IReadOnlyList<BoundPod> pods, string owner)
    {
        var count = 0;
        foreach (var bound in pods)
        {
            if (bound.ControllerUid == owner)
            {
                count++;
            }
        }
        return count;
    }

    private static bool SelectorMatches(PodRequirements pod, NodeCandidate node)
    {
        foreach (var (key, wanted) in pod.NodeSelector)
        {
            if (!node.Labels.TryGetValue(key, out var value) || value != wanted)
            {
                return false;
            }
        }
        return true;
    }

    private static double Fraction(long free, long total) => total <= 0 ? 0 : Math.Clamp((double)free / total, 0, 1);
}
