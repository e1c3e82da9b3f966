namespace Actors.Grains.Scheduling;

/// <summary>A node as the scheduler sees it from its cache: capacity, what is already bound, labels, taints.</summary>
/// <param name="Pods">The pods bound to the node, for anti-affinity and spreading.</param>
public sealed record NodeCandidate(
    string Name,
    bool Ready,
    bool Unschedulable,
    long AllocatableMilliCpu,
    long AllocatableMemoryBytes,
    int AllocatablePods,
    long RequestedMilliCpu,
    long RequestedMemoryBytes,
    int PodCount,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Taint> Taints,
    IReadOnlyList<BoundPod> Pods);
