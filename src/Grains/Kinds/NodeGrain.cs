using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Nodes;
using Actors.Grains.Scheduling;

namespace Actors.Grains.Kinds;

/// <summary>
/// Owns a Node object, its admission and its lifecycle. Pods bind here one at a time, so two pods can never
/// both take the node's last capacity. The node's agent heartbeats here; a node silent for the grace period
/// turns Ready=Unknown and is tainted unreachable, and after the eviction timeout its pods are deleted so their
/// owners replace them elsewhere. Nodes labelled <c>actors.io/hollow=true</c> are simulated (kubemark's hollow
/// nodes): this grain wakes their agent, which runs on the control plane.
/// </summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed partial class NodeGrain(IObjectStore store, ILogger<NodeGrain> logger, TimeProvider time, NodeLifecycleOptions lifecycle, IEventSink events)
    : ResourceGrain(store, logger, "Node", "v1"), INodeGrain
{
    private readonly Dictionary<string, (long MilliCpu, long MemoryBytes)> _bound = new(StringComparer.Ordinal);
    private DateTimeOffset _lastHeartbeat;
    private DateTimeOffset? _lastStatusWrite;
    private JsonObject? _reported;

    protected override TimeSpan? ResyncPeriod => lifecycle.MonitorPeriod;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        // A new activation knows no heartbeat yet: the agent gets a full grace period, as after a controller restart.
        _lastHeartbeat = time.GetUtcNow();
        foreach (var pod in await Store.ListByNodeAsync("Pod", Key.Name, cancellationToken))
        {
            if (!ObjectJson.IsDeleting(pod))
            {
                _bound[$"{ObjectJson.Namespace(pod)}/{ObjectJson.Name(pod)}"] = Resources.PodRequests(pod);
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
        return Task.FromResult(true);
    }

    public Task ReleaseAsync(string podKey)
    {
        _bound.Remove(podKey);
        return Task.CompletedTask;
    }

    public Task<bool> HeartbeatAsync(string statusJson)
    {
        if (Current is null || JsonNode.Parse(statusJson) is not JsonObject reported)
        {
            return Task.FromResult(false);
        }
        _lastHeartbeat = time.GetUtcNow();
        if (NodeHeartbeat.Merge(Current, reported, _lastHeartbeat, _lastStatusWrite, lifecycle.StatusReportPeriod).Write)
        {
            _reported = reported;
            RequestReconcile();
        }
        return Task.FromResult(true);
    }

    protected override async Task ReconcileAsync()
    {
        await WriteReportedStatusAsync();
        var node = Current!;
        if (NodeAgents.IsHollow(ObjectJson.Labels(node)))
        {
            await GrainFactory.GetGrain<IHollowNodeAgentGrain>(Key.Name).WakeAsync();
        }
        var now = time.GetUtcNow();
        switch (NodeLifecyclePlanner.Plan(node, _lastHeartbeat, now, lifecycle))
        {
            case NodeLifecycleAction.MarkUnknown:
                LogNodeUnknown(Logger, Key.Name);
                Report(events, node, KubernetesEvents.Normal, "NodeNotReady", $"Node {Key.Name} status is now: NodeNotReady", "node-controller");
                await WriteAsync(NodeLifecyclePlanner.MarkUnknown(node, now));
                break;
            case NodeLifecycleAction.EvictPods:
                await EvictPodsAsync(new DeleteRequest());
                break;
        }
    }

    /// <summary>Writes the status of the last heartbeat that changed it (merged again: the object may have moved since).</summary>
    private async Task WriteReportedStatusAsync()
    {
        if (_reported is not { } reported)
        {
            return;
        }
        _reported = null;
        var heartbeat = _lastHeartbeat;
        var (node, write) = NodeHeartbeat.Merge(Current!, reported, heartbeat, _lastStatusWrite, lifecycle.StatusReportPeriod);
        if (write && (await WriteAsync(node)).Succeeded)
        {
            _lastStatusWrite = heartbeat;
        }
    }

    /// <summary>A deleted node's pods can never finish terminating there: they go at once, as Kubernetes' pod GC does.</summary>
    protected override Task OnDeletedAsync(JsonObject last, PropagationPolicy propagation) =>
        EvictPodsAsync(new DeleteRequest(GracePeriodSeconds: 0));

    private async Task EvictPodsAsync(DeleteRequest request)
    {
        foreach (var pod in await Store.ListByNodeAsync("Pod", Key.Name))
        {
            if (request.GracePeriodSeconds == 0 || !ObjectJson.IsDeleting(pod))
            {
                await GrainFactory.GetGrain<IPodGrain>($"{ObjectJson.Namespace(pod)}/{ObjectJson.Name(pod)}").DeleteAsync(request);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} stopped posting status: marking it Unknown and unreachable")]
    private static partial void LogNodeUnknown(ILogger logger, string node);
}
