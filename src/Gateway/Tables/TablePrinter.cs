using System.Text.Json.Nodes;

namespace Actors.Gateway.Tables;

/// <summary>
/// Server-side printing (KUBECTL-API.md §8): the columns and cells kubectl's own printers show for each kind, and
/// <c>NAME AGE</c> for the rest. Pure: objects in, a <c>meta.k8s.io/v1</c> Table out.
/// </summary>
internal static class TablePrinter
{
    private static readonly TableColumn Name = new("Name", Format: "name");
    private static readonly TableColumn Age = new("Age");

    public static IReadOnlyList<TableColumn> Columns(string kind) => kind switch
    {
        "Pod" => [Name, new("Ready"), new("Status"), new("Restarts", "integer"), Age, new("IP", Priority: 1), new("Node", Priority: 1), new("Nominated Node", Priority: 1), new("Readiness Gates", Priority: 1)],
        "Deployment" => [Name, new("Ready"), new("Up-to-date", "integer"), new("Available", "integer"), Age, new("Containers", Priority: 1), new("Images", Priority: 1), new("Selector", Priority: 1)],
        "ReplicaSet" => [Name, new("Desired", "integer"), new("Current", "integer"), new("Ready", "integer"), Age, new("Containers", Priority: 1), new("Images", Priority: 1), new("Selector", Priority: 1)],
        "Service" => [Name, new("Type"), new("Cluster-IP"), new("External-IP"), new("Port(s)"), Age, new("Selector", Priority: 1)],
        "Endpoints" => [Name, new("Endpoints"), Age],
        "Node" => [Name, new("Status"), new("Roles"), Age, new("Version"), new("Internal-IP", Priority: 1), new("External-IP", Priority: 1), new("OS-Image", Priority: 1), new("Kernel-Version", Priority: 1), new("Container-Runtime", Priority: 1)],
        "Namespace" => [Name, new("Status"), Age],
        "ConfigMap" => [Name, new("Data", "integer"), Age],
        "Secret" => [Name, new("Type"), new("Data", "integer"), Age],
        "Event" => [new("Last Seen"), new("Type"), new("Reason"), new("Object"), new("Subobject", Priority: 1), new("Source", Priority: 1), new("Message"), new("First Seen", Priority: 1), new("Count", "integer", 1), new("Name", Priority: 1)],
        _ => [Name, Age],
    };

    public static JsonNode?[] Cells(string kind, JsonObject obj, DateTimeOffset now)
    {
        var name = Str(obj, "metadata", "name");
        var age = HumanDuration.Age(Str(obj, "metadata", "creationTimestamp"), now);
        return kind switch
        {
            "Pod" => PodCells.Cells(obj, name, age),
            "Deployment" => [name, $"{Int(obj, "status", "readyReplicas")}/{Int(obj, "spec", "replicas")}", Int(obj, "status", "updatedReplicas"), Int(obj, "status", "availableReplicas"), age, .. Workload(obj)],
            "ReplicaSet" => [name, Int(obj, "spec", "replicas"), Int(obj, "status", "replicas"), Int(obj, "status", "readyReplicas"), age, .. Workload(obj)],
            "Service" => ServiceCells.Cells(obj, name, age),
            "Endpoints" => [name, EndpointsText(obj), age],
            "Node" => NodeCells.Cells(obj, name, age),
            "Namespace" => [name, Str(obj, "status", "phase") ?? "Active", age],
            "ConfigMap" => [name, Count(obj["data"]) + Count(obj["binaryData"]), age],
            "Secret" => [name, Str(obj, "type") ?? "Opaque", Count(obj["data"]), age],
            "Event" => EventCells(obj, name, now),
            _ => [name, age],
        };
    }

    /// <summary>The Table for <paramref name="items"/>; <paramref name="includeObject"/> is None, Metadata (default) or Object.</summary>
    public static JsonObject Table(string kind, IEnumerable<JsonObject> items, string? resourceVersion, string? continueToken, string? includeObject, DateTimeOffset now, bool withColumns = true)
    {
        var columns = new JsonArray();
        if (withColumns)
        {
            foreach (var column in Columns(kind))
            {
                columns.Add(new JsonObject
                {
                    ["name"] = column.Name,
                    ["type"] = column.Type,
                    ["format"] = column.Format,
                    ["description"] = column.Name,
                    ["priority"] = column.Priority,
                });
            }
        }
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var row = new JsonObject { ["cells"] = new JsonArray(Cells(kind, item, now)) };
            if (!string.Equals(includeObject, "None", StringComparison.Ordinal))
            {
                row["object"] = string.Equals(includeObject, "Object", StringComparison.Ordinal) ? item.DeepClone() : PartialMetadata(item);
            }
            rows.Add(row);
        }
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion ?? "" };
        if (!string.IsNullOrEmpty(continueToken))
        {
            metadata["continue"] = continueToken;
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = columns,
            ["rows"] = rows,
        };
    }

    private static JsonObject PartialMetadata(JsonObject item) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = item["metadata"]?.DeepClone() ?? new JsonObject(),
    };

    private static JsonNode?[] Workload(JsonObject obj)
    {
        var containers = obj["spec"]?["template"]?["spec"]?["containers"] as JsonArray ?? [];
        return
        [
            string.Join(",", containers.Select(c => c?["name"]?.GetValue<string>() ?? "")),
            string.Join(",", containers.Select(c => c?["image"]?.GetValue<string>() ?? "")),
            SelectorText(obj["spec"]?["selector"] as JsonObject),
        ];
    }

    internal static string SelectorText(JsonObject? selector)
    {
        if (selector is null)
        {
            return "<none>";
        }
        var parts = new List<string>();
        if (selector["matchLabels"] is JsonObject labels)
        {
            parts.AddRange(labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value?.GetValue<string>()}"));
        }
        if (selector["matchExpressions"] is JsonArray expressions)
        {
            foreach (var e in expressions.OfType<JsonObject>())
            {
                var key = e["key"]?.GetValue<string>() ?? "";
                var values = string.Join(",", (e["values"] as JsonArray ?? []).Select(v => v?.GetValue<string>()));
                parts.Add(e["operator"]?.GetValue<string>() switch
                {
                    "In" => $"{key} in ({values})",
                    "NotIn" => $"{key} notin ({values})",
                    "DoesNotExist" => "!" + key,
                    _ => key,
                });
            }
        }
        return parts.Count == 0 ? "<none>" : string.Join(",", parts);
    }

    private static string EndpointsText(JsonObject obj)
    {
        var all = new List<string>();
        foreach (var subset in (obj["subsets"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var ports = (subset["ports"] as JsonArray ?? []).OfType<JsonObject>().Select(p => p["port"]?.ToString()).ToList();
            foreach (var address in (subset["addresses"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var ip = address["ip"]?.GetValue<string>() ?? "";
                if (ports.Count == 0)
                {
                    all.Add(ip);
                }
                all.AddRange(ports.Select(p => $"{ip}:{p}"));
            }
        }
        if (all.Count == 0)
        {
            return "<none>";
        }
        var shown = string.Join(",", all.Take(3));
        return all.Count > 3 ? $"{shown} + {all.Count - 3} more..." : shown;
    }

    private static JsonNode?[] EventCells(JsonObject obj, string? name, DateTimeOffset now)
    {
        var last = Str(obj, "lastTimestamp") ?? Str(obj, "eventTime") ?? Str(obj, "metadata", "creationTimestamp");
        var first = Str(obj, "firstTimestamp") ?? Str(obj, "eventTime") ?? Str(obj, "metadata", "creationTimestamp");
        var involved = obj["involvedObject"] as JsonObject;
        var source = string.Join(", ", new[] { Str(obj, "source", "component"), Str(obj, "source", "host") }.Where(s => !string.IsNullOrEmpty(s)));
        return
        [
            HumanDuration.Age(last, now),
            Str(obj, "type") ?? "",
            Str(obj, "reason") ?? "",
            $"{(Str(involved, "kind") ?? "").ToLowerInvariant()}/{Str(involved, "name")}",
            Str(involved, "fieldPath") ?? "",
            source,
            Str(obj, "message") ?? "",
            HumanDuration.Age(first, now),
            obj["count"] is JsonValue count && count.TryGetValue(out long n) ? n : 1,
            name,
        ];
    }

    internal static string? Str(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = (node as JsonObject)?[key];
        }
        return node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
    }

    internal static long Int(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = (node as JsonObject)?[key];
        }
        return node is JsonValue value && value.TryGetValue(out long number) ? number : 0;
    }

    private static long Count(JsonNode? node) => node is JsonObject map ? map.Count : 0;
}
