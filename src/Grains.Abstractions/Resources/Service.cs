namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Service object (v1).</summary>
public sealed class Service : KubernetesObject
{
    /// <summary>The apiVersion this kind is served under.</summary>
    public const string ApiVersionValue = "v1";

    /// <summary>The kind name.</summary>
    public const string KindValue = "Service";

    public Service()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    public ServiceSpec? Spec { get; set; }

    public ServiceStatus? Status { get; set; }
}
