using System.Text.Json.Nodes;

namespace Actors.Grains.Controllers.Nodes;

/// <summary>
/// Merges an agent's heartbeat into the Node object: conditions by type (a transition time moves only when the
/// status does), addresses, node info and — when the agent knows them — capacity; a returning agent lifts the
/// unreachable taints. Writes only when something besides heartbeat times changed, or when the last write is
/// older than the report period.
/// </summary>
public static class NodeHeartbeat
{
    public const string UnreachableTaint = "node.kubernetes.io/unreachable";

    public static (JsonObject Node, bool Write) Merge(JsonObject current, JsonObject reported, DateTimeOffset now, DateTimeOffset? lastWrite, TimeSpan reportPeriod)
    {
        var node = current.DeepClone().AsObject();
        var status = node["status"] as JsonObject ?? (JsonObject)(node["status"] = new JsonObject());
        var stamp = ObjectJson.Timestamp(now);
        foreach (var field in new[] { "addresses", "nodeInfo", "capacity", "allocatable" })
        {
            if (reported[field] is { } value)
            {
                status[field] = value.DeepClone();
            }
        }
        var conditions = status["conditions"] as JsonArray ?? (JsonArray)(status["conditions"] = new JsonArray());
        foreach (var condition in (reported["conditions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var type = (string?)condition["type"];
            var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);
            var merged = condition.DeepClone().AsObject();
            merged["lastHeartbeatTime"] = stamp;
            merged["lastTransitionTime"] = existing is not null && (string?)existing["status"] == (string?)condition["status"]
                ? existing["lastTransitionTime"]?.DeepClone() ?? stamp
                : stamp;
            if (existing is null)
            {
                conditions.Add(merged);
            }
            else
            {
                conditions[conditions.IndexOf(existing)] = merged;
            }
        }
        if (node["spec"]?["taints"] is JsonArray taints)
        {
            foreach (var taint in taints.OfType<JsonObject>().Where(t => (string?)t["key"] == UnreachableTaint).ToList())
            {
                taints.Remove(taint);
            }
            if (taints.Count == 0)
            {
                node["spec"]!.AsObject().Remove("taints");
            }
        }
        var changed = !JsonNode.DeepEquals(WithoutHeartbeats(node), WithoutHeartbeats(current));
        return (node, changed || lastWrite is null || now - lastWrite >= reportPeriod);
    }

    private static JsonObject WithoutHeartbeats(JsonObject node)
    {
        var copy = node.DeepClone().AsObject();
        foreach (var condition in (copy["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            condition.Remove("lastHeartbeatTime");
        }
        return copy;
    }
}
