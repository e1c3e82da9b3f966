using System.Text.Json.Nodes;

namespace Actors.Gateway.Tables;

/// <summary>The node row (KUBECTL-API.md §8.3).</summary>
internal static class NodeCells
{
    private const string RolePrefix = "node-role.kubernetes.io/";

    public static JsonNode?[] Cells(JsonObject node, string? name, string age)
    {
        var ready = (node["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => TablePrinter.Str(c, "type") == "Ready");
        var status = TablePrinter.Str(ready, "status") switch
        {
            "True" => "Ready",
            "False" => "NotReady",
            _ => "Unknown",
        };
        if (node["spec"]?["unschedulable"] is JsonValue u && u.TryGetValue(out bool unschedulable) && unschedulable)
        {
            status += ",SchedulingDisabled";
        }
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in node["metadata"]?["labels"] as JsonObject ?? [])
        {
            if (key.StartsWith(RolePrefix, StringComparison.Ordinal) && key.Length > RolePrefix.Length)
            {
                roles.Add(key[RolePrefix.Length..]);
            }
            else if (key == "kubernetes.io/role" && value is JsonValue v && v.TryGetValue(out string? role) && role.Length > 0)
            {
                roles.Add(role);
            }
        }
        var addresses = (node["status"]?["addresses"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        string Address(string type) => addresses.FirstOrDefault(a => TablePrinter.Str(a, "type") == type) is { } a ? TablePrinter.Str(a, "address") ?? "<none>" : "<none>";
        var info = node["status"]?["nodeInfo"] as JsonObject;
        return
        [
            name,
            status,
            roles.Count == 0 ? "<none>" : string.Join(",", roles),
            age,
            TablePrinter.Str(info, "kubeletVersion") ?? "",
            Address("InternalIP"),
            Address("ExternalIP"),
            TablePrinter.Str(info, "osImage") ?? "<unknown>",
            TablePrinter.Str(info, "kernelVersion") ?? "<unknown>",
            TablePrinter.Str(info, "containerRuntimeVersion") ?? "<unknown>",
        ];
    }
}
