namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Pod object (v1).</summary>
public sealed class Pod : KubernetesObject
{
    /// <summary>The apiVersion this kind is served under.</summary>
    public const string ApiVersionValue = "v1";

    /// <summary>The kind name.</summary>
    public const string KindValue = "Pod";

    public Pod()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    public PodSpec? Spec { get; set; }

    public PodStatus? Status { get; set; }
}
