namespace Actors.Grains.Scheduling;

/// <summary>
/// What a pod asks of a node. <see cref="RequiredNodeTerms"/> are ORed, the requirements inside a term ANDed;
/// <see cref="AntiAffinity"/> terms must match no pod on the node (topology: the node itself);
/// <see cref="SpreadOwner"/> is the controller whose pods are its siblings, to be spread.
/// </summary>
public sealed record PodRequirements(
    long MilliCpu,
    long MemoryBytes,
    IReadOnlyDictionary<string, string> NodeSelector,
    IReadOnlyList<Toleration> Tolerations,
    IReadOnlyList<IReadOnlyList<NodeSelectorRequirement>> RequiredNodeTerms,
    IReadOnlyList<Func<BoundPod, bool>> AntiAffinity,
    string? SpreadOwner);
