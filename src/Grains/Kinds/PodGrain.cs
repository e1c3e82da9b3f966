using System.Text.Json.Nodes;
using Actors.Grains.Scheduling;

namespace Actors.Grains.Kinds;

/// <summary>
/// Owns one pod. An unscheduled pod schedules itself (no central scheduler): it filters and ranks the nodes
/// of this silo's cache, then asks each Node grain in turn to admit it; a pod nobody admits records
/// PodScheduled=False with the reason and tries again at its next resync.
/// </summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class PodGrain(IObjectStore store, ILogger<PodGrain> logger, NodeCache nodes, TimeProvider time)
    : ResourceGrain(store, logger, "Pod", "v1"), IPodGrain
{
    protected override TimeSpan? ResyncPeriod => TimeSpan.FromSeconds(5);

    protected override async Task ReconcileAsync()
    {
        var pod = Current!;
        if (ObjectJson.IsDeleting(pod))
        {
            return;
        }
        var (cpu, memory) = Resources.PodRequests(pod);
        if ((string?)pod["spec"]?["nodeName"] is { } boundNode)
        {
            if ((string?)pod["status"]?["phase"] != "Running")
            {
                // Binding is idempotent; asking again brings back a Node grain whose silo died before it
                // reported this pod, as a kubelet resyncing its pods would.
                await GrainFactory.GetGrain<INodeGrain>(boundNode).BindAsync(Key.GrainKey, cpu, memory);
            }
            return;
        }
        var attemptStarted = time.GetTimestamp();
        var requirements = new PodRequirements(cpu, memory, NodeSelector(pod), Tolerations(pod), [], [], null);
        var candidates = await nodes.GetCandidatesAsync(CancellationToken.None);
        var decision = SchedulingPlanner.Plan(requirements, candidates);
        foreach (var node in decision.RankedNodes)
        {
            if (await GrainFactory.GetGrain<INodeGrain>(node).BindAsync(Key.GrainKey, cpu, memory))
            {
                nodes.RecordBind(node, cpu, memory);
                OrchestratorInstruments.RecordScheduling(scheduled: true, time.GetElapsedTime(attemptStarted));
                await WriteScheduledAsync(pod, node);
                return;
            }
        }
        OrchestratorInstruments.RecordScheduling(scheduled: false, time.GetElapsedTime(attemptStarted));
        await WriteUnschedulableAsync(pod, decision.Unschedulable ?? $"0/{candidates.Count} nodes are available: the nodes refused the pod.");
    }

    protected override async Task OnDeletedAsync(JsonObject last, PropagationPolicy propagation)
    {
        if ((string?)last["spec"]?["nodeName"] is { } node)
        {
            await GrainFactory.GetGrain<INodeGrain>(node).ReleaseAsync(Key.GrainKey);
            var (cpu, memory) = Resources.PodRequests(last);
            nodes.RecordBind(node, cpu, memory, sign: -1);
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

    private static Dictionary<string, string> NodeSelector(JsonObject pod) =>
        pod["spec"]?["nodeSelector"] is JsonObject selector
            ? selector.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.ToString())
            : [];

    private static Toleration[] Tolerations(JsonObject pod) =>
        pod["spec"]?["tolerations"] is JsonArray tolerations
            ? tolerations.OfType<JsonObject>().Select(t => new Toleration((string?)t["key"], (string?)t["operator"], (string?)t["value"], (string?)t["effect"])).ToArray()
            : [];
}
