namespace Actors.NodeAgent.Runtime;

/// <summary>
/// One pod as the runtime needs it: identity for the labels (Kubernetes' Docker shim keys, so existing tools
/// recognise the containers), the node that owns it (two agents may share one engine), and its hostname — whether
/// the pod asked for one (spec.hostname, spec.subdomain) or it is only the pod name.
/// </summary>
public sealed record PodSandboxConfig(
    string Uid,
    string Namespace,
    string Name,
    string NodeName,
    string Hostname,
    IReadOnlyDictionary<string, string> Labels,
    bool HostnameRequested = false)
{
    public const string PodUidLabel = "io.kubernetes.pod.uid";
    public const string PodNamespaceLabel = "io.kubernetes.pod.namespace";
    public const string PodNameLabel = "io.kubernetes.pod.name";
    public const string ContainerNameLabel = "io.kubernetes.container.name";

    /// <summary>Which node agent owns the container; an agent never touches another node's containers.</summary>
    public const string NodeLabel = "io.actors.node";

    /// <summary>The restart attempt a container was started as (0 for the first).</summary>
    public const string AttemptLabel = "io.actors.container.attempt";

    /// <summary>The container name the sandbox carries, as the Docker shim named it.</summary>
    public const string SandboxContainerName = "POD";
}
