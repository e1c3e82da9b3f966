using System.Text.Json.Nodes;

namespace Actors.Grains.Scheduling;

/// <summary>
/// This silo's view of the nodes, read from the store at most once a second and shared by every pod grain
/// that schedules here. It may lag; the Node grain's admission is the authority.
/// </summary>
public sealed class NodeCache(IObjectStore store, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long MilliCpu, long MemoryBytes, int Pods)> _bound = new(StringComparer.Ordinal);
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

    /// <summary>The nodes as scheduling candidates, with what this silo has bound to each so far.</summary>
    public async Task<IReadOnlyList<NodeCandidate>> GetCandidatesAsync(CancellationToken cancellationToken) =>
        (await GetNodesAsync(cancellationToken)).Select(node =>
        {
            var candidate = ToCandidate(node);
            var bound = _bound.GetValueOrDefault(candidate.Name);
            return candidate with { RequestedMilliCpu = bound.MilliCpu, RequestedMemoryBytes = bound.MemoryBytes, PodCount = bound.Pods };
        }).ToArray();

    /// <summary>Counts a bind made from this silo, so the next pods spread before the cache is refreshed.</summary>
    public void RecordBind(string node, long milliCpu, long memoryBytes, int sign = 1) =>
        _bound.AddOrUpdate(node, _ => (sign * milliCpu, sign * memoryBytes, sign), (_, b) => (b.MilliCpu + sign * milliCpu, b.MemoryBytes + sign * memoryBytes, b.Pods + sign));

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
