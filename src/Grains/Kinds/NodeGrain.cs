using System.Text.Json.Nodes;
using Actors.Grains.Scheduling;

namespace Actors.Grains.Kinds;

/// <summary>
/// Owns a Node object and its admission: pods bind here one at a time, so two pods can never both take the
/// node's last capacity. Nodes labelled <c>actors.io/hollow=true</c> are simulated (kubemark's hollow nodes):
/// a bound pod reports Running a moment later, for control-plane tests and benchmarks.
/// </summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class NodeGrain(IObjectStore store, ILogger<NodeGrain> logger, TimeProvider time)
    : ResourceGrain(store, logger, "Node", "v1"), INodeGrain
{
    public const string HollowLabel = "actors.io/hollow";

    /// <summary>How long a hollow node's pods take to "start", in milliseconds (annotation; default 50).</summary>
    public const string HollowStartDelayAnnotation = "actors.io/hollow-start-delay-ms";

    private static readonly TimeSpan DefaultHollowStartDelay = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<string, (long MilliCpu, long MemoryBytes)> _bound = new(StringComparer.Ordinal);

    /// <summary>The last octet of each hollow pod's IP in this node's fake 10.244.n.0/24.</summary>
    private readonly Dictionary<string, int> _hollowHosts = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        var hollow = IsHollow;
        foreach (var pod in await Store.ListByNodeAsync("Pod", Key.Name, cancellationToken))
        {
            if (ObjectJson.IsDeleting(pod))
            {
                continue;
            }
            var podKey = $"{ObjectJson.Namespace(pod)}/{ObjectJson.Name(pod)}";
            _bound[podKey] = Resources.PodRequests(pod);
            if ((string?)pod["status"]?["podIP"] is { } ip && ip.StartsWith(HollowSubnet, StringComparison.Ordinal) && int.TryParse(ip[HollowSubnet.Length..], out var host))
            {
                _hollowHosts[podKey] = host;
            }
            // A previous activation died before reporting this pod; a hollow node reports it now.
            if (hollow && (string?)pod["status"]?["phase"] != "Running")
            {
                StartHollowPod(podKey);
            }
        }
    }

    public Task<bool> BindAsync(string podKey, long milliCpu, long memoryBytes)
    {
        if (Current is null)
        {
            return Task.FromResult(false);
        }
        if (_bound.ContainsKey(podKey))
        {
            // The pod asks again because it never heard it was running (the report was lost with a silo): tell it again.
            if (IsHollow)
            {
                StartHollowPod(podKey);
            }
            return Task.FromResult(true);
        }
        var node = NodeCache.ToCandidate(Current) with
        {
            RequestedMilliCpu = _bound.Values.Sum(r => r.MilliCpu),
            RequestedMemoryBytes = _bound.Values.Sum(r => r.MemoryBytes),
            PodCount = _bound.Count,
        };
        var pod = new PodRequirements(milliCpu, memoryBytes, new Dictionary<string, string>(), [new Toleration(null, "Exists", null, null)], [], [], null);
        if (!node.Ready || node.Unschedulable || SchedulingPlanner.Filter(pod, node) is not null)
        {
            return Task.FromResult(false);
        }
        _bound[podKey] = (milliCpu, memoryBytes);
        if (IsHollow)
        {
            StartHollowPod(podKey);
        }
        return Task.FromResult(true);
    }

    private bool IsHollow => Current is not null && ObjectJson.Labels(Current).GetValueOrDefault(HollowLabel) == "true";

    public Task ReleaseAsync(string podKey)
    {
        _bound.Remove(podKey);
        _hollowHosts.Remove(podKey);
        return Task.CompletedTask;
    }

    private void StartHollowPod(string podKey)
    {
        IGrainTimer? timer = null;
        timer = this.RegisterGrainTimer(cancellation =>
        {
            timer!.Dispose();
            // Not awaited: the pod may itself be waiting on this node; the pod's own resync repairs a lost report.
            _ = GrainFactory.GetGrain<IPodGrain>(podKey).UpdateStatusAsync(HollowRunningStatus(HollowPodIP(podKey)).ToJsonString());
            return Task.CompletedTask;
        }, HollowStartDelay(), Timeout.InfiniteTimeSpan);
    }

    private TimeSpan HollowStartDelay() =>
        int.TryParse((string?)Current?["metadata"]?["annotations"]?[HollowStartDelayAnnotation], out var milliseconds) && milliseconds >= 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : DefaultHollowStartDelay;

    /// <summary>The node's fake pod network, 10.244.n. with n from a stable hash of the node name (kubemark's nodes have none either).</summary>
    private string HollowSubnet => $"10.244.{Key.Name.Aggregate(2166136261u, (hash, c) => (hash ^ c) * 16777619u) % 256}.";

    private string? HollowPodIP(string podKey)
    {
        if (!_hollowHosts.TryGetValue(podKey, out var host))
        {
            host = Enumerable.Range(1, 254).Except(_hollowHosts.Values).FirstOrDefault();
            if (host == 0)
            {
                return null;
            }
            _hollowHosts[podKey] = host;
        }
        return HollowSubnet + host;
    }

    private JsonObject HollowRunningStatus(string? podIP)
    {
        var now = ObjectJson.Timestamp(time.GetUtcNow());
        JsonObject Condition(string type) => new() { ["type"] = type, ["status"] = "True", ["lastTransitionTime"] = now };
        return new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["phase"] = "Running",
                ["hostIP"] = "127.0.0.1",
                ["podIP"] = podIP,
                ["podIPs"] = podIP is null ? null : new JsonArray(new JsonObject { ["ip"] = podIP }),
                ["startTime"] = now,
                ["conditions"] = new JsonArray(Condition("Initialized"), Condition("Ready"), Condition("ContainersReady"), Condition("PodScheduled")),
            },
        };
    }
}
