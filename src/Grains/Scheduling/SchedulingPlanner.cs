namespace Actors.Grains.Scheduling;

/// <summary>
/// The scheduler's decision as a pure function: filter (Ready, schedulable, taints, nodeSelector, node
/// affinity, resources, pod anti-affinity), then score (least allocated, spread of siblings). The pod grain
/// tries the ranked nodes in order; the Node grain admits or refuses atomically.
/// </summary>
public static class SchedulingPlanner
{
    public static SchedulingDecision Plan(PodRequirements pod, IReadOnlyList<NodeCandidate> nodes)
    {
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var fitting = new List<(NodeCandidate Node, double Score)>();
        foreach (var node in nodes)
        {
            var reason = Filter(pod, node);
            if (reason is null)
            {
                fitting.Add((node, Score(pod, node)));
            }
            else
            {
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }
        }
        if (fitting.Count == 0)
        {
            var detail = string.Join(", ", reasons.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Value} {r.Key}"));
            var message = nodes.Count == 0
                ? "0/0 nodes are available: no nodes are registered."
                : $"0/{nodes.Count} nodes are available: {detail}.";
            return new SchedulingDecision([], message);
        }
        var ranked = fitting
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.Node.Name, StringComparer.Ordinal)
            .Select(f => f.Node.Name)
            .ToArray();
        return new SchedulingDecision(ranked, null);
    }

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
        var untolerated = node.Taints.FirstOrDefault(t => t.Effect is "NoSchedule" or "NoExecute" && !pod.Tolerations.Any(tol => tol.Tolerates(t)));
        if (untolerated is not null)
        {
            return $"node(s) had untolerated taint {{{untolerated.Key}: {untolerated.Value}}}";
        }
        if (pod.NodeSelector.Any(s => !node.Labels.TryGetValue(s.Key, out var value) || value != s.Value)
            || (pod.RequiredNodeTerms.Count > 0 && !pod.RequiredNodeTerms.Any(term => term.All(r => r.Matches(node.Labels)))))
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
        if (pod.AntiAffinity.Any(matches => node.PodLabels.Any(matches)))
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
        var siblings = pod.SpreadSelector is null ? 0 : node.PodLabels.Count(pod.SpreadSelector);
        var podsFree = Fraction(node.AllocatablePods - node.PodCount - 1, node.AllocatablePods) * 100;
        return leastAllocated + podsFree - siblings * 10;
    }

    private static double Fraction(long free, long total) => total <= 0 ? 0 : Math.Clamp((double)free / total, 0, 1);
}
