namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Scale object (autoscaling/v1).</summary>
public sealed class Scale : KubernetesObject
{
    /// <summary>The apiVersion this kind is served under.</summary>
    public const string ApiVersionValue = "autoscaling/v1";

    /// <summary>The kind name.</summary>
    public const string KindValue = "Scale";

    public Scale()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    public ScaleSpec? Spec { get; set; }

    public ScaleStatus? Status { get; set; }
}
