using System.Text.Json.Nodes;
using Actors.Gateway.Tables;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Gateway.Api;

/// <summary>The <c>autoscaling/v1</c> Scale of a Deployment or ReplicaSet (KUBECTL-API.md §13.1).</summary>
internal static class ScaleView
{
    public static JsonObject From(ResourceKind kind, JsonObject obj)
    {
        var meta = obj["metadata"] as JsonObject;
        var metadata = new JsonObject();
        foreach (var key in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (meta?[key] is { } value)
            {
                metadata[key] = value.DeepClone();
            }
        }
        var status = new JsonObject { ["replicas"] = TablePrinter.Int(obj, "status", "replicas") };
        var selector = TablePrinter.SelectorText(obj["spec"]?["selector"] as JsonObject);
        if (selector != "<none>")
        {
            status["selector"] = selector;
        }
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["replicas"] = obj["spec"]?["replicas"] is JsonValue r && r.TryGetValue(out int n) ? n : kind.Kind == "Deployment" ? 1 : 0 },
            ["status"] = status,
        };
    }
}
