using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes ContainerPort type.</summary>
public sealed class ContainerPort : ResourceModel
{
    public string? Name { get; set; }

    public int? HostPort { get; set; }

    /// <summary>The <c>containerPort</c> field (renamed: C# forbids a member named like its type).</summary>
    [JsonPropertyName("containerPort")]
    public int? Port { get; set; }

    public string? Protocol { get; set; }

    public string? HostIP { get; set; }
}
