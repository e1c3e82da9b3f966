namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Node object (v1).</summary>
public sealed class Node : KubernetesObject
{
    /// <summary>The apiVersion this kind is served under.</summary>
    public const string ApiVersionValue = "v1";

    /// <summary>The kind name.</summary>
    public const string KindValue = "Node";

    public Node()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    public NodeSpec? Spec { get; set; }

    public NodeStatus? Status { get; set; }
}
