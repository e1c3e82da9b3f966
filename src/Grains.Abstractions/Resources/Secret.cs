namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Secret object (v1).</summary>
public sealed class Secret : KubernetesObject
{
    /// <summary>The apiVersion this kind is served under.</summary>
    public const string ApiVersionValue = "v1";

    /// <summary>The kind name.</summary>
    public const string KindValue = "Secret";

    public Secret()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    public bool? Immutable { get; set; }

    public Dictionary<string, byte[]>? Data { get; set; }

    public Dictionary<string, string>? StringData { get; set; }

    public string? Type { get; set; }
}
