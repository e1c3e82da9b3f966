namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Namespace object (v1).</summary>
public sealed class Namespace : KubernetesObject
{
    /// <summary>The apiVersion this kind is served under.</summary>
    public const string ApiVersionValue = "v1";

    /// <summary>The kind name.</summary>
    public const string KindValue = "Namespace";

    public Namespace()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    public NamespaceSpec? Spec { get; set; }

    public NamespaceStatus? Status { get; set; }
}
