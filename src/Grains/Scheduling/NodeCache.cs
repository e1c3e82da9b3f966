using Actors.Grains.Abstractions.Store;
using System.Text.Json.Nodes;
using Actors.Grains.Objects;

namespace Actors.Grains.Scheduling;

/// <summary>
/// This silo's view of the nodes, read from the store at most once a second and shared by every pod grain
/// that schedules here. It may lag; the Node grain's admission is the authority.
/// </summary>
public sealed class NodeCache(IObjectStore store, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<JsonObject> _nodes = [];
    private long _readAt = long.MinValue;

    public async Task<IReadOnlyList<JsonObject>> GetNodesAsync(CancellationToken cancellationToken)
    {
        if (_readAt != long.MinValue && time.GetElapsedTime(_readAt) < MaxAge)
        {
            return _nodes;
        }
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_readAt == long.MinValue || time.GetElapsedTime(_readAt) >= MaxAge)
            {
                _nodes = (await store.ListAsync("Node", null, cancellationToken: cancellationToken)).Items;
                _readAt = time.GetTimestamp();
            }
            return _nodes;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Turns a Node object into what the scheduling planner filters and scores.</summary>
    public static NodeCandidate ToCandidate(JsonObject node)
    {
        var allocatable = node["status"]?["allocatable"];
        var taints = node["spec"]?["taints"] is JsonArray array
            ? array.OfType<JsonObject>().Select(t => new Taint((string?)t["key"] ?? "", (string?)t["value"], (string?)t["effect"] ?? "NoSchedule")).ToArray()
            : [];
        var ready = node["status"]?["conditions"] is JsonArray conditions
            && conditions.OfType<JsonObject>().Any(c => (string?)c["type"] == "Ready" && (string?)c["status"] == "True");
        return new NodeCandidate(
            ObjectJson.Name(node) ?? "",
            ready,
            node["spec"]?["unschedulable"]?.GetValue<bool>() == true,
            Resources.MilliCpu((string?)allocatable?["cpu"]),
            Resources.Bytes((string?)allocatable?["memory"]),
            (int)Math.Max(0, Resources.Count((string?)allocatable?["pods"], 110)),
            0,
            0,
            0,
            ObjectJson.Labels(node),
            taints,
            []);
    }
}
