using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes EventSeries type.</summary>
public sealed class EventSeries : ResourceModel
{
    public int? Count { get; set; }

    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? LastObservedTime { get; set; }
}
