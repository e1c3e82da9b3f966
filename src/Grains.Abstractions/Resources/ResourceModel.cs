using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>
/// Base of every Kubernetes type: fields this model does not know are kept in <see cref="ExtensionData"/>
/// so that a read-modify-write round trip never loses what a client sent.
/// </summary>
public abstract class ResourceModel
{
    /// <summary>Fields not modelled by this type, kept verbatim.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
