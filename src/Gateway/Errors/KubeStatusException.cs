using System.Text.Json.Nodes;

namespace Actors.Gateway.Errors;

/// <summary>Carries a ready Status out of deep call chains to the one place that writes error responses.</summary>
internal sealed class KubeStatusException(JsonObject status)
    : Exception(status["message"]?.GetValue<string>() ?? "Kubernetes API error")
{
    public JsonObject Status { get; } = status;

    public int Code => KubeStatus.CodeOf(Status);
}
