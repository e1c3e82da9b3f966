using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes DaemonEndpoint type.</summary>
public sealed class DaemonEndpoint : ResourceModel
{
    [JsonPropertyName("Port")]
    public int? Port { get; set; }
}
