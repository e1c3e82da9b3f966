using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes Event object (v1).</summary>
public sealed class Event : KubernetesObject
{
    /// <summary>The apiVersion this kind is served under.</summary>
    public const string ApiVersionValue = "v1";

    /// <summary>The kind name.</summary>
    public const string KindValue = "Event";

    public Event()
    {
        ApiVersion = ApiVersionValue;
        Kind = KindValue;
    }

    public ObjectReference? InvolvedObject { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public EventSource? Source { get; set; }

    public DateTimeOffset? FirstTimestamp { get; set; }

    public DateTimeOffset? LastTimestamp { get; set; }

    public int? Count { get; set; }

    public string? Type { get; set; }

    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? EventTime { get; set; }

    public EventSeries? Series { get; set; }

    public string? Action { get; set; }

    public ObjectReference? Related { get; set; }

    public string? ReportingComponent { get; set; }

    public string? ReportingInstance { get; set; }
}
