using System.Text.Json.Serialization;

namespace Actors.Grains.Abstractions.Resources;

/// <summary>The Kubernetes <c>Status</c> object returned for every error (KUBECTL-API.md section 14).</summary>
public sealed class Status : ResourceModel
{
    [JsonPropertyOrder(-3)]
    public string? Kind { get; set; } = "Status";

    [JsonPropertyOrder(-2)]
    public string? ApiVersion { get; set; } = "v1";

    [JsonPropertyOrder(-1)]
    public ListMeta? Metadata { get; set; } = new();

    /// <summary><c>Success</c> or <c>Failure</c>.</summary>
    [JsonPropertyName("status")]
    public string? Outcome { get; set; }

    public string? Message { get; set; }

    public string? Reason { get; set; }

    public StatusDetails? Details { get; set; }

    public int? Code { get; set; }
}
