namespace Actors.Grains.Scheduling;

/// <summary>
/// What a pod asks of a node. <see cref="RequiredNodeTerms"/> are ORed, the requirements inside a term ANDed;
/// <see cref="AntiAffinity"/> selectors must match no pod on the node (topology: the node itself);
/// <see cref="SpreadSelector"/> identifies its siblings for spreading.
/// </summary>
public sealed record PodRequirements(
    long MilliCpu,
    long MemoryBytes,
    IReadOnlyDictionary<string, string> NodeSelector,
    IReadOnlyList<Toleration> Tolerations,
    IReadOnlyList<IReadOnlyList<NodeSelectorRequirement>> RequiredNodeTerms,
    IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> AntiAffinity,
    Func<IReadOnlyDictionary<string, string>, bool>? SpreadSelector);
