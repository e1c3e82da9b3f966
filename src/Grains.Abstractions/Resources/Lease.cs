namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Lease object (coordination.k8s.io/v1).</summary>
public sealed class Lease : KubernetesObject
{
    /// <summary>The apiVersion this kind is served under.</summary>
    public const string ApiVersionValue = "coordination.k8s.io/v1";

    /// <summary>The kind name.</summary>
    public const string KindValue = "Lease";

    public Lease()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    public LeaseSpec? Spec { get; set; }
}
