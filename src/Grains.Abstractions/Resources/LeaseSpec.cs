using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes LeaseSpec type.</summary>
public sealed class LeaseSpec : ResourceModel
{
    public string? HolderIdentity { get; set; }

    public int? LeaseDurationSeconds { get; set; }

    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? AcquireTime { get; set; }

    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? RenewTime { get; set; }

    public int? LeaseTransitions { get; set; }
}
