using System.Text.Json.Nodes;

namespace Actors.Grains.Scheduling;

/// <summary>
/// This silo's view of the nodes and of the pods bound to them, shared by every pod grain that schedules here:
/// listed once and then kept current by the store's watch (an informer, as Kubernetes' scheduler keeps), so it
/// counts what every silo binds, and knows each node's pods for anti-affinity and spreading. It may lag; the
/// Node grain's admission is the authority. A node's candidate is rebuilt only when that node or its pods change.
/// </summary>
public sealed partial class NodeCache(IObjectStore store, TimeProvider time, ILogger<NodeCache> logger) : IAsyncDisposable
{
    private static readonly TimeSpan RelistDelay = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, NodeCandidate> _bases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Placement> _placements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Placement>> _byNode = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _listed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private Snapshot _snapshot = Snapshot.Empty;
    private Task? _following;

    /// <summary>One node's labels by name; empty when the cache does not know it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetNodeLabelsAsync(string name, CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        return snapshot.Index.TryGetValue(name, out var i) ? snapshot.Candidates[i].Labels : new Dictionary<string, string>();
    }

    /// <summary>
    /// The nodes as scheduling candidates, with the pods bound to each. The list is shared and its entries are
    /// replaced as pods come and go: a reader may see a change or not, as it may with any cache.
    /// </summary>
    public async Task<IReadOnlyList<NodeCandidate>> GetCandidatesAsync(CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken)).Candidates;

    /// <summary>Counts a bind made from this silo at once, so its next pods spread before the watch brings it.</summary>
    public void RecordBind(string podKey, string node, JsonObject pod)
    {
        lock (_lock)
        {
            Place(podKey, Placement.Of(node, pod));
        }
    }

    /// <summary>Forgets a deleted pod at once.</summary>
    public void RecordRemoval(string podKey)
    {
        lock (_lock)
        {
            Place(podKey, null);
        }
    }

    /// <summary>Turns a Node object into what the scheduling planner filters and scores (nothing bound yet).</summary>
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

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_following is not null)
        {
            await _following;
        }
        _stopping.Dispose();
    }

    private async Task<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        if (_following is null)
        {
            lock (_lock)
            {
                _following ??= Task.Run(() => FollowAsync(_stopping.Token), CancellationToken.None);
            }
        }
        await _listed.Task.WaitAsync(cancellationToken);
        return _snapshot;
    }

    /// <summary>Lists nodes and pods, then applies their watch events; starts over (a relist) when a watch fails.</summary>
    private async Task FollowAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var nodes = await store.ListAsync("Node", null, cancellationToken: stopping);
                var pods = await store.ListAsync("Pod", null, cancellationToken: stopping);
                lock (_lock)
                {
                    Reset(nodes.Items, pods.Items);
                }
                _listed.TrySetResult();
                using var failed = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                await Task.WhenAll(WatchAsync("Node", nodes.ResourceVersion, failed), WatchAsync("Pod", pods.ResourceVersion, failed));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRelist(logger, exception.Message);
                try
                {
                    await Task.Delay(RelistDelay, time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task WatchAsync(string kind, string resourceVersion, CancellationTokenSource failed)
    {
        try
        {
            await foreach (var change in store.WatchAsync(kind, null, long.Parse(resourceVersion, System.Globalization.CultureInfo.InvariantCulture), failed.Token))
            {
                lock (_lock)
                {
                    Apply(change);
                }
            }
        }
        catch
        {
            // The other kind's watch stops too: both start again from a fresh list.
            await failed.CancelAsync();
            throw;
        }
    }

    private void Reset(IReadOnlyList<JsonObject> nodes, IReadOnlyList<JsonObject> pods)
    {
        _bases.Clear();
        _placements.Clear();
        _byNode.Clear();
        foreach (var node in nodes)
        {
            _bases[ObjectJson.Name(node) ?? ""] = ToCandidate(node);
        }
        foreach (var pod in pods)
        {
            Place(Key(pod), Placement.For(pod), rebuild: false);
        }
        _snapshot = Snapshot.Of(_bases.Keys, BuildCandidate);
    }

    private void Apply(WatchEvent change)
    {
        var obj = change.Object;
        if (change.Kind == "Pod")
        {
            Place(Key(obj), change.Type == WatchEventType.Deleted ? null : Placement.For(obj));
            return;
        }
        var name = ObjectJson.Name(obj) ?? "";
        var known = _snapshot.Index.TryGetValue(name, out var i);
        if (change.Type == WatchEventType.Deleted)
        {
            _bases.Remove(name);
        }
        else
        {
            _bases[name] = ToCandidate(obj);
        }
        if (known && change.Type != WatchEventType.Deleted)
        {
            _snapshot.Candidates[i] = BuildCandidate(name);
            return;
        }
        // A node came or went: a new list, so readers holding the old one see a consistent array.
        _snapshot = Snapshot.Of(_bases.Keys, BuildCandidate);
    }

    /// <summary>Records where a pod is (null: nowhere) and rebuilds the candidates of the nodes that changed.</summary>
    private void Place(string podKey, Placement? placement, bool rebuild = true)
    {
        _placements.TryGetValue(podKey, out var previous);
        if (previous == placement)
        {
            return;
        }
        if (previous is not null)
        {
            _byNode[previous.Node].Remove(podKey);
            _placements.Remove(podKey);
        }
        if (placement is not null)
        {
            _placements[podKey] = placement;
            if (!_byNode.TryGetValue(placement.Node, out var onNode))
            {
                _byNode[placement.Node] = onNode = new Dictionary<string, Placement>(StringComparer.Ordinal);
            }
            onNode[podKey] = placement;
        }
        if (rebuild)
        {
            Rebuild(previous?.Node);
            if (placement is not null && placement.Node != previous?.Node)
            {
                Rebuild(placement.Node);
            }
        }
    }

    private void Rebuild(string? node)
    {
        if (node is not null && _snapshot.Index.TryGetValue(node, out var i))
        {
            _snapshot.Candidates[i] = BuildCandidate(node);
        }
    }

    private NodeCandidate BuildCandidate(string node)
    {
        var candidate = _bases[node];
        if (!_byNode.TryGetValue(node, out var pods) || pods.Count == 0)
        {
            return candidate;
        }
        long cpu = 0, memory = 0;
        var bound = new BoundPod[pods.Count];
        var at = 0;
        foreach (var placement in pods.Values)
        {
            cpu += placement.MilliCpu;
            memory += placement.MemoryBytes;
            bound[at++] = placement.Pod;
        }
        return candidate with { RequestedMilliCpu = cpu, RequestedMemoryBytes = memory, PodCount = pods.Count, Pods = bound };
    }

    private static string Key(JsonObject pod) => $"{ObjectJson.Namespace(pod)}/{ObjectJson.Name(pod)}";

    /// <summary>A pod's claim on a node: what it requests and what the planner reads of it.</summary>
    private sealed record Placement(string Node, long MilliCpu, long MemoryBytes, BoundPod Pod)
    {
        /// <summary>Where the pod counts: bound and not finished (Kubernetes counts terminating pods until they are gone).</summary>
        public static Placement? For(JsonObject pod) =>
            (string?)pod["spec"]?["nodeName"] is { Length: > 0 } node && (string?)pod["status"]?["phase"] is not ("Succeeded" or "Failed")
                ? Of(node, pod)
                : null;

        public static Placement Of(string node, JsonObject pod)
        {
            var (cpu, memory) = Resources.PodRequests(pod);
            return new Placement(node, cpu, memory, PodSchedulingRequirements.Bound(pod));
        }

        public bool Equals(Placement? other) =>
            other is not null && Node == other.Node && MilliCpu == other.MilliCpu && MemoryBytes == other.MemoryBytes
            && Pod.Namespace == other.Pod.Namespace && Pod.ControllerUid == other.Pod.ControllerUid && SameLabels(Pod.Labels, other.Pod.Labels);

        public override int GetHashCode() => HashCode.Combine(Node, MilliCpu, MemoryBytes);

        private static bool SameLabels(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
            a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var value) && value == p.Value);
    }

    /// <summary>The candidates (only what scheduling reads of a node: the Node objects themselves are large) and their index.</summary>
    private sealed record Snapshot(Dictionary<string, int> Index, NodeCandidate[] Candidates)
    {
        public static readonly Snapshot Empty = new(new Dictionary<string, int>(StringComparer.Ordinal), []);

        public static Snapshot Of(IEnumerable<string> names, Func<string, NodeCandidate> build)
        {
            var ordered = names.Order(StringComparer.Ordinal).ToArray();
            var index = new Dictionary<string, int>(ordered.Length, StringComparer.Ordinal);
            var candidates = new NodeCandidate[ordered.Length];
            for (var i = 0; i < ordered.Length; i++)
            {
                index[ordered[i]] = i;
                candidates[i] = build(ordered[i]);
            }
            return new Snapshot(index, candidates);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scheduler's node cache lost its watch ({Error}); listing again")]
    private static partial void LogRelist(ILogger logger, string error);
}
