using System.Text.Json.Nodes;
using Actors.Grains.Scheduling;

namespace Actors.Grains.Kinds;

/// <summary>
/// Owns one pod. An unscheduled pod schedules itself (no central scheduler): it filters and ranks the nodes
/// of this silo's cache, then asks each Node grain in turn to admit it; a pod nobody admits records
/// PodScheduled=False with the reason and tries again at its next resync.
/// </summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed partial class PodGrain(IObjectStore store, ILogger<PodGrain> logger, NodeCache nodes, TimeProvider time, IEventSink events, Services.ServicePodNotifier services)
    : ResourceGrain(store, logger, "Pod", "v1"), IPodGrain
{
    protected override TimeSpan? ResyncPeriod => TimeSpan.FromSeconds(5);

    protected override string? AdoptingKind => "ReplicaSet";

    protected override Task OnChangedAsync(JsonObject? before, JsonObject? after) => services.NotifyAsync(GrainFactory, before, after);

    /// <summary>
    /// A new pod gets the defaults an API create gives it — a ReplicaSet's pods are created here, not through the
    /// gateway, which defaults what users send — and starts Pending with its QoS class whatever status it was sent
    /// with, as the API server's pod strategy creates it.
    /// </summary>
    protected override IReadOnlyList<ValidationCauseInfo> Prepare(JsonObject obj, JsonObject? old)
    {
        if (old is null)
        {
            if (obj["spec"]?["serviceAccountName"] is null)
            {
                obj["spec"] = DefaultedSpec(obj);
            }
            obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = Controllers.Pods.PodQos.Class(obj) };
        }
        return [];
    }

    private static JsonNode? DefaultedSpec(JsonObject pod)
    {
        try
        {
            var typed = Abstractions.Resources.KubernetesJson.Deserialize<Abstractions.Resources.Pod>(pod);
            return Abstractions.Resources.KubernetesJson.SerializeToNode(Abstractions.Defaulting.Defaulter.Default(typed))["spec"]?.DeepClone();
        }
        catch (System.Text.Json.JsonException)
        {
            // A spec the typed model cannot read is left as it came; validation speaks for it.
            return pod["spec"]?.DeepClone();
        }
    }

    protected override async Task ReconcileAsync()
    {
        var pod = Current!;
        if ((string?)pod["spec"]?["nodeName"] is { } boundNode)
        {
            // The node's agent runs it. Telling it again is idempotent and repairs a notification lost with a
            // silo, as a kubelet's resync would; a running pod needs no reminder.
            if (ObjectJson.IsDeleting(pod) || (string?)pod["status"]?["phase"] != "Running")
            {
                await TellAgentAsync(boundNode);
            }
            return;
        }
        if (ObjectJson.IsDeleting(pod))
        {
            return;
        }
        var attemptStarted = time.GetTimestamp();
        var requirements = PodSchedulingRequirements.From(pod);
        var candidates = await nodes.GetCandidatesAsync(CancellationToken.None);
        var decision = SchedulingPlanner.Plan(requirements, candidates, Random.Shared);
        foreach (var node in decision.RankedNodes)
        {
            if (await GrainFactory.GetGrain<INodeGrain>(node).BindAsync(Key.GrainKey, requirements.MilliCpu, requirements.MemoryBytes))
            {
                nodes.RecordBind(Key.GrainKey, node, pod);
                OrchestratorInstruments.RecordScheduling(scheduled: true, time.GetElapsedTime(attemptStarted));
                Report(events, pod, KubernetesEvents.Normal, "Scheduled", $"Successfully assigned {Key.GrainKey} to {node}", "default-scheduler");
                await WriteScheduledAsync(pod, node);
                return;
            }
        }
        OrchestratorInstruments.RecordScheduling(scheduled: false, time.GetElapsedTime(attemptStarted));
        await WriteUnschedulableAsync(pod, decision.Unschedulable ?? $"0/{candidates.Count} nodes are available: the nodes refused the pod.");
    }

    /// <summary>
    /// A pod on a node terminates gracefully: it is marked with deletionTimestamp and its grace period, its
    /// agent stops the containers (TERM, then KILL) and then deletes it with grace 0. Unbound pods, and a
    /// grace period of 0 (the agent's confirmation, or --force), go at once.
    /// </summary>
    protected override async Task<ObjectWriteResult?> OnDeleteRequestedAsync(DeleteRequest request)
    {
        var pod = Current!;
        if ((string?)pod["spec"]?["nodeName"] is not { } node)
        {
            return null;
        }
        var grace = request.GracePeriodSeconds ?? (long?)pod["spec"]?["terminationGracePeriodSeconds"] ?? DefaultGracePeriodSeconds;
        if (grace <= 0)
        {
            return null;
        }
        if (ObjectJson.IsDeleting(pod))
        {
            return new ObjectWriteResult(ObjectWriteStatus.Deleting, pod.ToJsonString());
        }
        var terminating = pod.DeepClone().AsObject();
        var metadata = ObjectJson.Metadata(terminating);
        metadata["deletionTimestamp"] = ObjectJson.Timestamp(time.GetUtcNow().AddSeconds(grace));
        metadata["deletionGracePeriodSeconds"] = grace;
        var result = await WriteAsync(terminating);
        if (!result.Succeeded)
        {
            return result;
        }
        await TellAgentAsync(node);
        return result with { Status = ObjectWriteStatus.Deleting };
    }

    protected override async Task OnDeletedAsync(JsonObject last, PropagationPolicy propagation)
    {
        if ((string?)last["spec"]?["nodeName"] is { } node)
        {
            await GrainFactory.GetGrain<INodeGrain>(node).ReleaseAsync(Key.GrainKey);
            nodes.RecordRemoval(Key.GrainKey);
            // A forced delete leaves containers behind: the agent removes what no pod wants.
            await TellAgentAsync(node);
        }
    }

    private const long DefaultGracePeriodSeconds = 30;

    private async Task TellAgentAsync(string node)
    {
        var hollow = NodeAgents.IsHollow(await nodes.GetNodeLabelsAsync(node, CancellationToken.None));
        try
        {
            await NodeAgents.For(GrainFactory, node, hollow).PodChangedAsync(Key.GrainKey);
        }
        catch (Exception exception)
        {
            // The agent's node may be down; its resync (or the node's eviction) catches up.
            LogAgentUnreachable(Logger, Key.GrainKey, node, exception.Message);
        }
    }

    private async Task WriteScheduledAsync(JsonObject pod, string node)
    {
        var updated = pod.DeepClone().AsObject();
        var spec = updated["spec"] as JsonObject ?? (JsonObject)(updated["spec"] = new JsonObject());
        spec["nodeName"] = node;
        var status = updated["status"] as JsonObject ?? (JsonObject)(updated["status"] = new JsonObject());
        status["phase"] ??= "Pending";
        status["conditions"] = new JsonArray(Condition("PodScheduled", "True", null, null));
        // The write's own reconcile tells the node's agent.
        await WriteAsync(updated);
    }

    private async Task WriteUnschedulableAsync(JsonObject pod, string message)
    {
        var updated = pod.DeepClone().AsObject();
        var status = updated["status"] as JsonObject ?? (JsonObject)(updated["status"] = new JsonObject());
        status["phase"] = "Pending";
        status["conditions"] = new JsonArray(Condition("PodScheduled", "False", "Unschedulable", message));
        if (!JsonNode.DeepEquals(pod["status"]?["conditions"]?[0]?["message"], JsonValue.Create(message)))
        {
            Report(events, pod, KubernetesEvents.Warning, "FailedScheduling", message, "default-scheduler");
            await WriteAsync(updated);
        }
    }

    private JsonObject Condition(string type, string status, string? reason, string? message) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastProbeTime"] = null,
        ["lastTransitionTime"] = ObjectJson.Timestamp(time.GetUtcNow()),
        ["reason"] = reason,
        ["message"] = message,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Pod}: telling the agent of node {Node} failed: {Error}")]
    private static partial void LogAgentUnreachable(ILogger logger, string pod, string node, string error);
}
