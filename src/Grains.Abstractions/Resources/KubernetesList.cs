using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>A list response (<c>PodList</c>, <c>DeploymentList</c>, ...); <see cref="Items"/> is never null.</summary>
public sealed class KubernetesList<T> : ResourceModel
    where T : KubernetesObject
{
    [JsonPropertyOrder(-3)]
    public string? ApiVersion { get; set; }

    [JsonPropertyOrder(-2)]
    public string? Kind { get; set; }

    [JsonPropertyOrder(-1)]
    public ListMeta? Metadata { get; set; }

    public List<T> Items { get; set; } = [];
}
