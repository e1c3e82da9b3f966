using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Deployments;

namespace Actors.Grains.Kinds;

/// <summary>
/// Rolls a Deployment out: it claims its ReplicaSets by selector, keeps one per pod-template hash (a set that
/// becomes current again takes the next revision), scales them step by step by the pure planners (RollingUpdate
/// within maxSurge / maxUnavailable, or Recreate), deletes old sets beyond revisionHistoryLimit, and sums its
/// status from its ReplicaSets with a Progressing condition that times out past progressDeadlineSeconds. A
/// ReplicaSet's change wakes it at once; the resync repairs anything missed and notices a deadline passing.
/// </summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class DeploymentGrain(IObjectStore store, ILogger<DeploymentGrain> logger, TimeProvider time, IEventSink events)
    : OwnerResourceGrain(store, logger, "Deployment", "apps/v1"), IDeploymentGrain
{
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
        var paused = spec["paused"]?.GetValue<bool>() == true;
        var template = spec["template"] as JsonObject ?? new JsonObject();
        var hash = TemplateHash.Compute(template);
        var sets = await ClaimDependentsAsync(spec["selector"]);
        var newSet = sets.FirstOrDefault(rs => ObjectJson.Labels(rs).GetValueOrDefault(TemplateHash.Label) == hash);
        var created = false;
        if (newSet is not null)
        {
            if (await StampNewSetAsync(newSet, NextRevision(sets.Where(rs => rs != newSet)), ObjectJson.Annotations(deployment)) is { } restamped)
            {
                sets[sets.IndexOf(newSet)] = restamped;
                newSet = restamped;
            }
        }
        else if (!paused)
        {
            // A paused Deployment makes no new ReplicaSet (nor revision) for a changed template until it resumes.
            newSet = await CreateReplicaSetAsync(deployment, uid, template, hash, NextRevision(sets));
            if (newSet is null)
            {
                return;
            }
            sets.Add(newSet);
            created = true;
        }

        if (!paused && newSet is not null)
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
        // As Kubernetes, history is trimmed only when no rollout is moving: paused, or complete.
        if (paused || IsComplete(deployment, desired))
        {
            await TrimHistoryAsync(sets.Where(rs => rs != newSet), ObjectJson.Int(spec["revisionHistoryLimit"], RevisionHistory.DefaultLimit));
        }
        await WriteStatusAsync(deployment, desired, paused, newSet, created, sets);
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
        var annotations = new JsonObject();
        foreach (var (key, value) in CopiedAnnotations.Changes(ObjectJson.Annotations(deployment), new Dictionary<string, string>()))
        {
            annotations[key] = value;
        }
        annotations[RevisionStamp.RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture);
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

    /// <summary>Gives the current set the next revision when it is not the greatest (after a rollback); the stored set, or null when unchanged.</summary>
    /// <summary>Gives the current set the greatest revision and the Deployment's copied annotations, when it lacks either.</summary>
    private Task<JsonObject?> StampNewSetAsync(JsonObject rs, long next, IReadOnlyDictionary<string, string> deploymentAnnotations) => WriteDependentAsync(rs, current =>
    {
        var annotations = ObjectJson.Annotations(current);
        var stamp = RevisionStamp.Restamp(annotations.GetValueOrDefault(RevisionStamp.RevisionAnnotation), annotations.GetValueOrDefault(RevisionStamp.HistoryAnnotation), next);
        var copied = CopiedAnnotations.Changes(deploymentAnnotations, annotations);
        if (stamp is null && copied.Count == 0)
        {
            return null;
        }
        var updated = current.DeepClone().AsObject();
        var metadata = ObjectJson.Metadata(updated);
        var stamped = metadata["annotations"] as JsonObject ?? (JsonObject)(metadata["annotations"] = new JsonObject());
        foreach (var (key, value) in copied)
        {
            stamped[key] = value;
        }
        if (stamp is { } restamp)
        {
            stamped[RevisionStamp.RevisionAnnotation] = restamp.Revision;
            if (restamp.History is not null)
            {
                stamped[RevisionStamp.HistoryAnnotation] = restamp.History;
            }
        }
        return updated;
    });

    private async Task TrimHistoryAsync(IEnumerable<JsonObject> old, int limit)
    {
        var entries = old.Select(rs => new HistoryEntry(
            ObjectJson.Name(rs) ?? "",
            Revision(rs),
            ObjectJson.Int(rs["spec"]?["replicas"]),
            ObjectJson.Int(rs["status"]?["replicas"]),
            Generation(rs["status"]?["observedGeneration"]) >= Generation(rs["metadata"]?["generation"]),
            ObjectJson.IsDeleting(rs))).ToArray();
        foreach (var name in RevisionHistory.ToDelete(entries, limit))
        {
            await GrainFactory.GetGrain<IReplicaSetGrain>($"{Key.Namespace}/{name}").DeleteAsync(new DeleteRequest());
        }
    }

    /// <summary>Kubernetes' DeploymentComplete, read from the status as last written.</summary>
    private static bool IsComplete(JsonObject deployment, int desired)
    {
        var status = deployment["status"];
        return ObjectJson.Int(status?["updatedReplicas"]) == desired && ObjectJson.Int(status?["replicas"]) == desired
            && ObjectJson.Int(status?["availableReplicas"]) == desired
            && Generation(status?["observedGeneration"]) >= Generation(deployment["metadata"]?["generation"]);
    }

    private static long Generation(JsonNode? value) => value is JsonValue number && number.TryGetValue<long>(out var generation) ? generation : 0;

    private async Task WriteStatusAsync(JsonObject deployment, int desired, bool paused, JsonObject? newSet, bool created, IReadOnlyList<JsonObject> sets)
    {
        int Sum(string field) => sets.Sum(rs => ObjectJson.Int(rs["status"]?[field]));
        var previous = deployment["status"];
        var before = new RolloutCounts(ObjectJson.Int(previous?["replicas"]), ObjectJson.Int(previous?["updatedReplicas"]),
            ObjectJson.Int(previous?["readyReplicas"]), ObjectJson.Int(previous?["availableReplicas"]));
        var after = new RolloutCounts(Sum("replicas"), ObjectJson.Int(newSet?["status"]?["replicas"]), Sum("readyReplicas"), Sum("availableReplicas"));
        var (_, maxUnavailable) = RolloutLimits.Resolve(deployment["spec"]?["strategy"]?["rollingUpdate"]?["maxSurge"],
            deployment["spec"]?["strategy"]?["rollingUpdate"]?["maxUnavailable"], desired);
        var minimumAvailable = after.Available >= desired - maxUnavailable;
        var conditions = new JsonArray(Condition(deployment, "Available", minimumAvailable,
            minimumAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            minimumAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability."));
        var progressing = ProgressingCondition.Next(new ProgressInput(
            DeploymentConditionJson.Read(deployment, ProgressingCondition.Type), before, after, desired, paused,
            ObjectJson.Int(deployment["spec"]?["progressDeadlineSeconds"], ProgressDeadline.DefaultSeconds),
            newSet is null ? "" : ObjectJson.Name(newSet) ?? "", created, time.GetUtcNow()));
        if (progressing is not null)
        {
            conditions.Add(DeploymentConditionJson.ToJson(progressing));
        }
        var status = new JsonObject
        {
            ["observedGeneration"] = deployment["metadata"]?["generation"]?.DeepClone(),
            ["replicas"] = after.Replicas,
            ["updatedReplicas"] = after.Updated,
            ["readyReplicas"] = after.Ready,
            ["availableReplicas"] = after.Available,
            ["unavailableReplicas"] = Math.Max(0, desired - after.Available),
            ["conditions"] = conditions,
        };
        // The Deployment carries its current revision too, as Kubernetes' does (`kubectl rollout undo` patches it);
        // without a new set (paused after a template change) it keeps the one it has.
        var known = (string?)deployment["metadata"]?["annotations"]?[RevisionStamp.RevisionAnnotation];
        var revision = newSet is null ? known : Revision(newSet).ToString(CultureInfo.InvariantCulture);
        if (known == revision && JsonNode.DeepEquals(WithoutTimes(deployment["status"]), WithoutTimes(status)))
        {
            return;
        }
        var updated = deployment.DeepClone().AsObject();
        updated["status"] = status;
        if (revision is not null)
        {
            var metadata = ObjectJson.Metadata(updated);
            var annotations = metadata["annotations"] as JsonObject ?? (JsonObject)(metadata["annotations"] = new JsonObject());
            annotations[RevisionStamp.RevisionAnnotation] = revision;
        }
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
        long.TryParse((string?)rs["metadata"]?["annotations"]?[RevisionStamp.RevisionAnnotation], NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    private static long NextRevision(IEnumerable<JsonObject> sets) => sets.Select(Revision).DefaultIfEmpty(0).Max() + 1;
}
