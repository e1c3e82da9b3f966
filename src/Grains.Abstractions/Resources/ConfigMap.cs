namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ConfigMap object (v1).</summary>
public sealed class ConfigMap : KubernetesObject
{
    /// <summary>The apiVersion this kind is served under.</summary>
    public const string ApiVersionValue = "v1";

    /// <summary>The kind name.</summary>
    public const string KindValue = "ConfigMap";

    public ConfigMap()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    public bool? Immutable { get; set; }

    public Dictionary<string, string>? Data { get; set; }

    public Dictionary<string, byte[]>? BinaryData { get; set; }
}
