using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Actors.Grains.Scheduling;

/// <summary>
/// This silo's view of the nodes, read from the store at most once a second and shared by every pod grain
/// that schedules here. It may lag; the Node grain's admission is the authority. Nodes are turned into
/// scheduling candidates once per read, not once per pod: with a thousand nodes that conversion would be most
/// of a pod's scheduling cost.
/// </summary>
public sealed class NodeCache(IObjectStore store, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly Lock _binding = new();
    private readonly ConcurrentDictionary<string, (long MilliCpu, long MemoryBytes, int Pods)> _bound = new(StringComparer.Ordinal);
    private Snapshot _snapshot = Snapshot.Empty;
    private long _readAt = long.MinValue;

    /// <summary>One cached Node object by name; null when the cache does not know it.</summary>
    public async Task<JsonObject?> GetNodeAsync(string name, CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        return snapshot.Index.TryGetValue(name, out var i) ? snapshot.Nodes[i] : null;
    }

    /// <summary>
    /// The nodes as scheduling candidates, with what this silo has bound to each so far. The list is shared and
    /// its entries are replaced as binds are recorded: a reader may see a bind or not, as it may with any cache.
    /// </summary>
    public async Task<IReadOnlyList<NodeCandidate>> GetCandidatesAsync(CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken)).Candidates;

    /// <summary>Counts a bind made from this silo, so the next pods spread before the cache is refreshed.</summary>
    public void RecordBind(string node, long milliCpu, long memoryBytes, int sign = 1)
    {
        lock (_binding)
        {
            var bound = _bound.AddOrUpdate(node, _ => (sign * milliCpu, sign * memoryBytes, sign),
                (_, b) => (b.MilliCpu + sign * milliCpu, b.MemoryBytes + sign * memoryBytes, b.Pods + sign));
            var snapshot = _snapshot;
            if (snapshot.Index.TryGetValue(node, out var i))
            {
                snapshot.Candidates[i] = WithBound(snapshot.Candidates[i], bound);
            }
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

    private async Task<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        if (_readAt != long.MinValue && time.GetElapsedTime(_readAt) < MaxAge)
        {
            return _snapshot;
        }
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_readAt == long.MinValue || time.GetElapsedTime(_readAt) >= MaxAge)
            {
                var nodes = (await store.ListAsync("Node", null, cancellationToken: cancellationToken)).Items;
                lock (_binding)
                {
                    _snapshot = Snapshot.Of(nodes, _bound);
                }
                _readAt = time.GetTimestamp();
            }
            return _snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static NodeCandidate WithBound(NodeCandidate candidate, (long MilliCpu, long MemoryBytes, int Pods) bound) =>
        candidate with { RequestedMilliCpu = bound.MilliCpu, RequestedMemoryBytes = bound.MemoryBytes, PodCount = bound.Pods };

    private sealed record Snapshot(IReadOnlyList<JsonObject> Nodes, Dictionary<string, int> Index, NodeCandidate[] Candidates)
    {
        public static readonly Snapshot Empty = new([], new Dictionary<string, int>(StringComparer.Ordinal), []);

        public static Snapshot Of(IReadOnlyList<JsonObject> nodes, ConcurrentDictionary<string, (long, long, int)> bound)
        {
            var index = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
            var candidates = new NodeCandidate[nodes.Count];
            for (var i = 0; i < nodes.Count; i++)
            {
                var candidate = ToCandidate(nodes[i]);
                index[candidate.Name] = i;
                candidates[i] = WithBound(candidate, bound.GetValueOrDefault(candidate.Name));
            }
            return new Snapshot(nodes, index, candidates);
        }
    }
}
