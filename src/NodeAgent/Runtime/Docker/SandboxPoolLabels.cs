namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// The labels of a warm pool sandbox: the owning node (so the node's list, watch and ownership checks cover it),
/// the pool mark, and the namespace its DNS search path was made for (a pod may claim it only from that namespace).
/// </summary>
public static class SandboxPoolLabels
{
    public const string PoolLabel = "io.actors.sandbox-pool";

    public const string NamespaceLabel = "io.actors.sandbox-pool.namespace";

    public static IReadOnlyDictionary<string, string> For(string nodeName, string podNamespace) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PodSandboxConfig.NodeLabel] = nodeName,
        [PoolLabel] = "true",
        [NamespaceLabel] = podNamespace,
    };

    /// <summary>The engine's label filters for every pool container of a node, claimed or not.</summary>
    public static IReadOnlyList<string> Filters(string nodeName) => [ContainerLabels.NodeFilter(nodeName), $"{PoolLabel}=true"];

    public static bool IsPoolContainer(IReadOnlyDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(PoolLabel, out var value) && value == "true";
}
