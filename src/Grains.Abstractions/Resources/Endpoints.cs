namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Endpoints object (v1).</summary>
public sealed class Endpoints : KubernetesObject
{
    /// <summary>The apiVersion this kind is served under.</summary>
    public const string ApiVersionValue = "v1";

    /// <summary>The kind name.</summary>
    public const string KindValue = "Endpoints";

    public Endpoints()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    public List<EndpointSubset>? Subsets { get; set; }
}
