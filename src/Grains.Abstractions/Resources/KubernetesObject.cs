using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>A top-level Kubernetes object: TypeMeta (apiVersion, kind) plus ObjectMeta.</summary>
public abstract class KubernetesObject : ResourceModel
{
    [JsonPropertyOrder(-3)]
    public string? ApiVersion { get; set; }

    [JsonPropertyOrder(-2)]
    public string? Kind { get; set; }

    [JsonPropertyOrder(-1)]
    public ObjectMeta? Metadata { get; set; }

    /// <summary>The metadata, created on first use so callers can set fields without null checks.</summary>
    [JsonIgnore]
    public ObjectMeta Meta => Metadata ??= new ObjectMeta();
}
