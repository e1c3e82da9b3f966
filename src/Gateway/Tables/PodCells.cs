using System.Text.Json.Nodes;

namespace Actors.Gateway.Tables;

/// <summary>The pod row, with kubectl's status algorithm (KUBECTL-API.md §8.3).</summary>
internal static class PodCells
{
    public static JsonNode?[] Cells(JsonObject pod, string? name, string age)
    {
        var containers = (pod["spec"]?["containers"] as JsonArray)?.Count ?? 0;
        var statuses = (pod["status"]?["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var restarts = statuses.Sum(s => TablePrinter.Int(s, "restartCount"));
        var (status, ready) = Status(pod, statuses);
        var gates = pod["spec"]?["readinessGates"] as JsonArray;
        return
        [
            name,
            $"{ready}/{containers}",
            status,
            restarts,
            age,
            TablePrinter.Str(pod, "status", "podIP") ?? "<none>",
            TablePrinter.Str(pod, "spec", "nodeName") ?? "<none>",
            TablePrinter.Str(pod, "status", "nominatedNodeName") ?? "<none>",
            gates is null || gates.Count == 0 ? "<none>" : $"0/{gates.Count}",
        ];
    }

    public static (string Status, int Ready) Status(JsonObject pod, IReadOnlyList<JsonObject> statuses)
    {
        var reason = TablePrinter.Str(pod, "status", "reason") ?? TablePrinter.Str(pod, "status", "phase") ?? "Pending";
        var initializing = false;
        var inits = (pod["status"]?["initContainerStatuses"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var initCount = (pod["spec"]?["initContainers"] as JsonArray)?.Count ?? inits.Count;
        for (var i = 0; i < inits.Count; i++)
        {
            var state = inits[i]["state"] as JsonObject;
            if (state?["terminated"] is JsonObject terminated)
            {
                if (TablePrinter.Int(terminated, "exitCode") == 0)
                {
                    continue;
                }
                reason = TablePrinter.Str(terminated, "reason") is { Length: > 0 } r ? "Init:" + r : ExitText("Init:", terminated);
            }
            else if (TablePrinter.Str(state, "waiting", "reason") is { Length: > 0 } waiting && waiting != "PodInitializing")
            {
                reason = "Init:" + waiting;
            }
            else
            {
                reason = $"Init:{i}/{initCount}";
            }
            initializing = true;
            break;
        }
        var ready = 0;
        if (!initializing)
        {
            var hasRunning = false;
            for (var i = statuses.Count - 1; i >= 0; i--)
            {
                var state = statuses[i]["state"] as JsonObject;
                if (TablePrinter.Str(state, "waiting", "reason") is { Length: > 0 } waiting)
                {
                    reason = waiting;
                }
                else if (state?["terminated"] is JsonObject terminated)
                {
                    reason = TablePrinter.Str(terminated, "reason") is { Length: > 0 } r ? r : ExitText("", terminated);
                }
                else if (state?["running"] is not null && statuses[i]["ready"] is JsonValue v && v.TryGetValue(out bool isReady) && isReady)
                {
                    hasRunning = true;
                    ready++;
                }
            }
            if (reason == "Completed" && hasRunning)
            {
                reason = PodReady(pod) ? "Running" : "NotReady";
            }
        }
        if (TablePrinter.Str(pod, "metadata", "deletionTimestamp") is not null)
        {
            reason = TablePrinter.Str(pod, "status", "reason") == "NodeLost" ? "Unknown" : "Terminating";
        }
        return (reason, ready);
    }

    private static string ExitText(string prefix, JsonObject terminated) =>
        TablePrinter.Int(terminated, "signal") is var signal && signal != 0
            ? $"{prefix}Signal:{signal}"
            : $"{prefix}ExitCode:{TablePrinter.Int(terminated, "exitCode")}";

    private static bool PodReady(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(c => TablePrinter.Str(c, "type") == "Ready" && TablePrinter.Str(c, "status") == "True");
}
