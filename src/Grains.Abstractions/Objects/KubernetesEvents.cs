using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Actors.Grains.Abstractions.Objects;

/// <summary>Events as `kubectl describe` shows them (Scheduled, SuccessfulCreate, ScalingReplicaSet, Killing, NodeNotReady…).</summary>
public static class KubernetesEvents
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";

    /// <summary>The Event object about <paramref name="involved"/>, named as Kubernetes names them (object name, a dot, a unique suffix).</summary>
    public static JsonObject Build(JsonObject involved, string type, string reason, string message, string component, DateTimeOffset now)
    {
        var metadata = involved["metadata"] as JsonObject;
        var name = (string?)metadata?["name"] ?? "";
        var ns = (string?)metadata?["namespace"] ?? "default";
        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = $"{name}.{RandomNumberGenerator.GetHexString(16, lowercase: true)}", ["namespace"] = ns },
            ["involvedObject"] = new JsonObject
            {
                ["apiVersion"] = involved["apiVersion"]?.DeepClone(),
                ["kind"] = involved["kind"]?.DeepClone(),
                ["namespace"] = metadata?["namespace"]?.DeepClone(),
                ["name"] = name,
                ["uid"] = metadata?["uid"]?.DeepClone(),
                ["resourceVersion"] = metadata?["resourceVersion"]?.DeepClone(),
            },
            ["reason"] = reason,
            ["message"] = message,
            ["source"] = new JsonObject { ["component"] = component },
            ["firstTimestamp"] = stamp,
            ["lastTimestamp"] = stamp,
            ["count"] = 1,
            ["type"] = type,
            ["reportingComponent"] = component,
            ["reportingInstance"] = "",
        };
    }

    /// <summary>Hands the event to the silo's sink; the caller never waits for it.</summary>
    public static void Record(IEventSink sink, JsonObject involved, string type, string reason, string message, string component, DateTimeOffset now) =>
        sink.Record(Build(involved, type, reason, message, component, now));
}
