using System.Text.Json.Nodes;

namespace Actors.Grains.Controllers.Nodes;

/// <summary>What the node lifecycle controller does about a node's silence.</summary>
public enum NodeLifecycleAction
{
    None,

    /// <summary>No heartbeat for the grace period: Ready becomes Unknown and the node is tainted unreachable.</summary>
    MarkUnknown,

    /// <summary>Unknown for longer than the eviction timeout: its pods are deleted, so their owners replace them elsewhere.</summary>
    EvictPods,
}

/// <summary>Kubernetes' node lifecycle controller for one node, as a pure function of its status and its last heartbeat.</summary>
public static class NodeLifecyclePlanner
{
    public static NodeLifecycleAction Plan(JsonObject node, DateTimeOffset lastHeartbeat, DateTimeOffset now, NodeLifecycleOptions options)
    {
        var ready = (node["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "Ready");
        var silent = now - lastHeartbeat;
        var since = DateTimeOffset.TryParse((string?)ready?["lastTransitionTime"], out var at) ? at : now;
        if ((string?)ready?["status"] == "Unknown")
        {
            return now - since >= options.PodEvictionTimeout && silent >= options.MonitorGracePeriod ? NodeLifecycleAction.EvictPods : NodeLifecycleAction.None;
        }
        // An agent that heartbeats but reports NotReady (its engine is gone) loses its pods after the same timeout.
        if ((string?)ready?["status"] == "False" && silent < options.MonitorGracePeriod)
        {
            return now - since >= options.PodEvictionTimeout ? NodeLifecycleAction.EvictPods : NodeLifecycleAction.None;
        }
        return silent >= options.MonitorGracePeriod ? NodeLifecycleAction.MarkUnknown : NodeLifecycleAction.None;
    }

    /// <summary>The node with Ready=Unknown and the unreachable taints (NoSchedule, NoExecute), as Kubernetes marks it.</summary>
    public static JsonObject MarkUnknown(JsonObject current, DateTimeOffset now)
    {
        var node = current.DeepClone().AsObject();
        var status = node["status"] as JsonObject ?? (JsonObject)(node["status"] = new JsonObject());
        var conditions = status["conditions"] as JsonArray ?? (JsonArray)(status["conditions"] = new JsonArray());
        var stamp = ObjectJson.Timestamp(now);
        var ready = conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "Ready");
        // A node whose agent never reported gets Kubernetes' NeverUpdated wording, its creation as the last heartbeat.
        var unknown = new JsonObject
        {
            ["type"] = "Ready",
            ["status"] = "Unknown",
            ["reason"] = ready is null ? "NodeStatusNeverUpdated" : "NodeStatusUnknown",
            ["message"] = ready is null ? "Kubelet never posted node status." : "Kubelet stopped posting node status.",
            ["lastHeartbeatTime"] = (ready is null ? node["metadata"]?["creationTimestamp"] : ready["lastHeartbeatTime"])?.DeepClone(),
            ["lastTransitionTime"] = stamp,
        };
        if (ready is null)
        {
            conditions.Add(unknown);
        }
        else
        {
            conditions[conditions.IndexOf(ready)] = unknown;
        }
        var spec = node["spec"] as JsonObject ?? (JsonObject)(node["spec"] = new JsonObject());
        var taints = spec["taints"] as JsonArray ?? (JsonArray)(spec["taints"] = new JsonArray());
        foreach (var effect in new[] { "NoSchedule", "NoExecute" })
        {
            if (!taints.OfType<JsonObject>().Any(t => (string?)t["key"] == NodeHeartbeat.UnreachableTaint && (string?)t["effect"] == effect))
            {
                taints.Add(new JsonObject { ["key"] = NodeHeartbeat.UnreachableTaint, ["effect"] = effect, ["timeAdded"] = stamp });
            }
        }
        return node;
    }
}
