namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ReplicaSet object (apps/v1).</summary>
public sealed class ReplicaSet : KubernetesObject
{
    /// <summary>The apiVersion this kind is served under.</summary>
    public const string ApiVersionValue = "apps/v1";

    /// <summary>The kind name.</summary>
    public const string KindValue = "ReplicaSet";

    public ReplicaSet()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    public ReplicaSetSpec? Spec { get; set; }

    public ReplicaSetStatus? Status { get; set; }
}
