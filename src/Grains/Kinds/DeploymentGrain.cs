using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Deployments;

namespace Actors.Grains.Kinds;

/// <summary>
/// Rolls a Deployment out: one ReplicaSet per pod-template hash, scaled step by step by the pure planners
/// (RollingUpdate within maxSurge / maxUnavailable, or Recreate), and the Deployment's status summed from its
/// ReplicaSets. A ReplicaSet's change wakes it at once; the resync repairs anything missed.
/// </summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class DeploymentGrain(IObjectStore store, ILogger<DeploymentGrain> logger, TimeProvider time, IEventSink events)
    : OwnerResourceGrain(store, logger, "Deployment", "apps/v1"), IDeploymentGrain
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";

    protected override string DependentKind => "ReplicaSet";

    protected override async Task ReconcileAsync()
    {
        var deployment = Current!;
        if (await ContinueForegroundDeletionAsync() || ObjectJson.IsDeleting(deployment))
        {
            return;
        }
        var uid = ObjectJson.Uid(deployment)!;
        var spec = deployment["spec"] as JsonObject ?? new JsonObject();
        var desired = ObjectJson.Int(spec["replicas"], 1);
        var template = spec["template"] as JsonObject ?? new JsonObject();
        var hash = TemplateHash.Compute(template);
        var sets = (await Store.ListByOwnerAsync("ReplicaSet", Key.Namespace, uid)).ToList();
        var newSet = sets.FirstOrDefault(rs => ObjectJson.Labels(rs).GetValueOrDefault(TemplateHash.Label) == hash);
        if (newSet is null)
        {
            newSet = await CreateReplicaSetAsync(deployment, uid, template, hash, NextRevision(sets));
            if (newSet is null)
            {
                return;
            }
            sets.Add(newSet);
        }

        if (deployment["spec"]?["paused"]?.GetValue<bool>() != true)
        {
            var input = new RolloutInput(desired, 0, 0, View(newSet), sets.Where(rs => rs != newSet).Select(View).ToArray());
            IReadOnlyList<ScaleAction> actions;
            if ((string?)spec["strategy"]?["type"] == "Recreate")
            {
                var oldPods = sets.Where(rs => rs != newSet).Sum(rs => ObjectJson.Int(rs["status"]?["replicas"]));
                actions = RecreatePlanner.Plan(input, oldPods);
            }
            else
            {
                var (surge, unavailable) = RolloutLimits.Resolve(spec["strategy"]?["rollingUpdate"]?["maxSurge"], spec["strategy"]?["rollingUpdate"]?["maxUnavailable"], desired);
                actions = RollingUpdatePlanner.Plan(input with { MaxSurge = surge, MaxUnavailable = unavailable });
            }
            foreach (var action in actions)
            {
                await ScaleAsync(sets.Single(rs => ObjectJson.Name(rs) == action.ReplicaSet), action.Replicas);
            }
        }
        await WriteStatusAsync(deployment, desired, newSet, sets);
    }

    protected override async Task OnDeletedAsync(JsonObject last, PropagationPolicy propagation)
    {
        if (propagation == PropagationPolicy.Orphan)
        {
            return;
        }
        foreach (var rs in await Store.ListByOwnerAsync("ReplicaSet", Key.Namespace, ObjectJson.Uid(last)!))
        {
            await GrainFactory.GetGrain<IReplicaSetGrain>($"{Key.Namespace}/{ObjectJson.Name(rs)}").DeleteAsync(new DeleteRequest(propagation));
        }
    }

    private async Task<JsonObject?> CreateReplicaSetAsync(JsonObject deployment, string uid, JsonObject template, string hash, long revision)
    {
        var podTemplate = template.DeepClone().AsObject();
        var templateMetadata = podTemplate["metadata"] as JsonObject ?? (JsonObject)(podTemplate["metadata"] = new JsonObject());
        var labels = templateMetadata["labels"] as JsonObject ?? (JsonObject)(templateMetadata["labels"] = new JsonObject());
        labels[TemplateHash.Label] = hash;
        var selector = deployment["spec"]?["selector"]?.DeepClone().AsObject() ?? new JsonObject();
        var matchLabels = selector["matchLabels"] as JsonObject ?? (JsonObject)(selector["matchLabels"] = new JsonObject());
        matchLabels[TemplateHash.Label] = hash;
        var annotations = new JsonObject { [RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture) };
        if (deployment["metadata"]?["annotations"]?["kubernetes.io/change-cause"] is { } cause)
        {
            annotations["kubernetes.io/change-cause"] = cause.DeepClone();
        }
        var name = $"{Key.Name}-{hash}";
        var rs = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = Key.Namespace,
                ["labels"] = labels.DeepClone(),
                ["annotations"] = annotations,
                ["ownerReferences"] = new JsonArray(ObjectJson.ControllerReference("apps/v1", "Deployment", Key.Name, uid)),
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 0,
                ["selector"] = selector,
                ["template"] = podTemplate,
            },
        };
        var result = await GrainFactory.GetGrain<IReplicaSetGrain>($"{Key.Namespace}/{name}").CreateAsync(rs.ToJsonString());
        return result.Object is { } json && result.Status is ObjectWriteStatus.Created or ObjectWriteStatus.AlreadyExists
            ? JsonNode.Parse(json)!.AsObject()
            : null;
    }

    private async Task ScaleAsync(JsonObject rs, int replicas)
    {
        var updated = rs.DeepClone().AsObject();
        var from = ObjectJson.Int(rs["spec"]?["replicas"]);
        updated["spec"]!["replicas"] = replicas;
        var result = await GrainFactory.GetGrain<IReplicaSetGrain>($"{Key.Namespace}/{ObjectJson.Name(rs)}").UpdateAsync(updated.ToJsonString());
        if (result.Status == ObjectWriteStatus.Updated)
        {
            Report(events, Current!, KubernetesEvents.Normal, "ScalingReplicaSet",
                $"Scaled {(replicas > from ? "up" : "down")} replica set {ObjectJson.Name(rs)} from {from} to {replicas}", "deployment-controller");
        }
    }

    private async Task WriteStatusAsync(JsonObject deployment, int desired, JsonObject newSet, IReadOnlyList<JsonObject> sets)
    {
        int Sum(string field) => sets.Sum(rs => ObjectJson.Int(rs["status"]?[field]));
        var available = Sum("availableReplicas");
        var updatedReplicas = ObjectJson.Int(newSet["status"]?["replicas"]);
        var complete = updatedReplicas == desired && Sum("replicas") == desired && available == desired;
        var (_, maxUnavailable) = RolloutLimits.Resolve(deployment["spec"]?["strategy"]?["rollingUpdate"]?["maxSurge"],
            deployment["spec"]?["strategy"]?["rollingUpdate"]?["maxUnavailable"], desired);
        var status = new JsonObject
        {
            ["observedGeneration"] = deployment["metadata"]?["generation"]?.DeepClone(),
            ["replicas"] = Sum("replicas"),
            ["updatedReplicas"] = updatedReplicas,
            ["readyReplicas"] = Sum("readyReplicas"),
            ["availableReplicas"] = available,
            ["unavailableReplicas"] = Math.Max(0, desired - available),
            ["conditions"] = new JsonArray(
                Condition(deployment, "Available", available >= desired - maxUnavailable,
                    available >= desired - maxUnavailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                    available >= desired - maxUnavailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability."),
                Condition(deployment, "Progressing", true,
                    complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    complete ? $"ReplicaSet \"{ObjectJson.Name(newSet)}\" has successfully progressed." : $"ReplicaSet \"{ObjectJson.Name(newSet)}\" is progressing.")),
        };
        // The Deployment carries its current revision too, as Kubernetes' does (`kubectl rollout undo` patches it).
        var revision = Revision(newSet).ToString(CultureInfo.InvariantCulture);
        var revisionKnown = (string?)deployment["metadata"]?["annotations"]?[RevisionAnnotation] == revision;
        if (revisionKnown && JsonNode.DeepEquals(WithoutTimes(deployment["status"]), WithoutTimes(status)))
        {
            return;
        }
        var updated = deployment.DeepClone().AsObject();
        updated["status"] = status;
        var metadata = ObjectJson.Metadata(updated);
        var annotations = metadata["annotations"] as JsonObject ?? (JsonObject)(metadata["annotations"] = new JsonObject());
        annotations[RevisionAnnotation] = revision;
        await WriteAsync(updated);
    }

    private JsonObject Condition(JsonObject deployment, string type, bool isTrue, string reason, string message)
    {
        var previous = deployment["status"]?["conditions"] is JsonArray conditions
            ? conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type)
            : null;
        var status = isTrue ? "True" : "False";
        var now = ObjectJson.Timestamp(time.GetUtcNow());
        var unchanged = previous is not null && (string?)previous["status"] == status;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastUpdateTime"] = unchanged && (string?)previous!["reason"] == reason ? previous["lastUpdateTime"]?.DeepClone() : now,
            ["lastTransitionTime"] = unchanged ? previous!["lastTransitionTime"]?.DeepClone() : now,
            ["reason"] = reason,
            ["message"] = message,
        };
    }

    // Timestamps alone must not cause a write, or every resync would bump the resourceVersion.
    private static JsonNode? WithoutTimes(JsonNode? status)
    {
        if (status?.DeepClone() is not JsonObject copy)
        {
            return null;
        }
        if (copy["conditions"] is JsonArray conditions)
        {
            foreach (var condition in conditions.OfType<JsonObject>())
            {
                condition.Remove("lastUpdateTime");
                condition.Remove("lastTransitionTime");
            }
        }
        return copy;
    }

    private static ReplicaSetView View(JsonObject rs) => new(
        ObjectJson.Name(rs) ?? "",
        ObjectJson.Int(rs["spec"]?["replicas"]),
        ObjectJson.Int(rs["status"]?["availableReplicas"]),
        Revision(rs),
        ObjectJson.Int(rs["status"]?["replicas"]));

    private static long Revision(JsonObject rs) =>
        long.TryParse((string?)rs["metadata"]?["annotations"]?[RevisionAnnotation], NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    private static long NextRevision(IEnumerable<JsonObject> sets) => sets.Select(Revision).DefaultIfEmpty(0).Max() + 1;
}
