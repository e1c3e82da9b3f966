using System.Text.Json.Nodes;
using Actors.Grains.Controllers.ReplicaSets;

namespace Actors.Grains.Objects;

/// <summary>Reads what planners need from a pod's JSON.</summary>
public static class PodViews
{
    public static PodView From(JsonObject pod) => new(
        ObjectJson.Name(pod) ?? "",
        (string?)pod["spec"]?["nodeName"],
        (string?)pod["status"]?["phase"] ?? "Pending",
        IsReady(pod),
        DateTimeOffset.TryParse((string?)pod["metadata"]?["creationTimestamp"], out var created) ? created : DateTimeOffset.MinValue,
        ObjectJson.IsDeleting(pod));

    public static bool IsReady(JsonObject pod) =>
        pod["status"]?["conditions"] is JsonArray conditions
        && conditions.OfType<JsonObject>().Any(c => (string?)c["type"] == "Ready" && (string?)c["status"] == "True");
}
