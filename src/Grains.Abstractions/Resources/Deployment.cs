namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Deployment object (apps/v1).</summary>
public sealed class Deployment : KubernetesObject
{
    /// <summary>The apiVersion this kind is served under.</summary>
    public const string ApiVersionValue = "apps/v1";

    /// <summary>The kind name.</summary>
    public const string KindValue = "Deployment";

    public Deployment()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    public DeploymentSpec? Spec { get; set; }

    public DeploymentStatus? Status { get; set; }
}
