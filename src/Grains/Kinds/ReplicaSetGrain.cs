using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Actors.Grains.Controllers.ReplicaSets;

namespace Actors.Grains.Kinds;

/// <summary>
/// Keeps a ReplicaSet's pods equal to its replicas. Every pass first claims its pods from the store — never from a
/// cache, so a pass after a crash cannot over-create: it adopts orphan pods its selector matches and releases
/// pods whose labels left it (and then replaces them).
/// </summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class ReplicaSetGrain(IObjectStore store, ILogger<ReplicaSetGrain> logger, IEventSink events)
    : OwnerResourceGrain(store, logger, "ReplicaSet", "apps/v1"), IReplicaSetGrain
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    protected override string DependentKind => "Pod";

    protected override string? AdoptingKind => "Deployment";

    protected override async Task ReconcileAsync()
    {
        if (await ContinueForegroundDeletionAsync())
        {
            return;
        }
        var rs = Current!;
        var uid = ObjectJson.Uid(rs)!;
        var pods = await ClaimDependentsAsync(rs["spec"]?["selector"]);
        var views = pods.Select(PodViews.From).ToArray();
        if (!ObjectJson.IsDeleting(rs))
        {
            var plan = ReplicaSetPlanner.Plan(ObjectJson.Int(rs["spec"]?["replicas"], 1), views);
            foreach (var batch in SlowStart.Batches(plan.Create))
            {
                var created = await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => CreatePodAsync(rs, uid)));
                if (created.Contains(false))
                {
                    break;
                }
            }
            foreach (var victim in plan.Delete)
            {
                if ((await GrainFactory.GetGrain<IPodGrain>($"{Key.Namespace}/{victim}").DeleteAsync(new DeleteRequest())).Succeeded)
                {
                    Report(events, rs, KubernetesEvents.Normal, "SuccessfulDelete", $"Deleted pod: {victim}", "replicaset-controller");
                }
            }
        }
        await WriteStatusAsync(rs, views);
    }

    /// <summary>Creates one pod under a fresh name; false when the create was refused.</summary>
    private async Task<bool> CreatePodAsync(JsonObject rs, string uid)
    {
        var template = rs["spec"]?["template"] as JsonObject ?? new JsonObject();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var name = $"{Key.Name}-{RandomSuffix()}";
            var pod = new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = Key.Namespace,
                    ["labels"] = template["metadata"]?["labels"]?.DeepClone(),
                    ["annotations"] = template["metadata"]?["annotations"]?.DeepClone(),
                    ["ownerReferences"] = new JsonArray(ObjectJson.ControllerReference("apps/v1", "ReplicaSet", Key.Name, uid)),
                },
                ["spec"] = template["spec"]?.DeepClone(),
            };
            var result = await GrainFactory.GetGrain<IPodGrain>($"{Key.Namespace}/{name}").CreateAsync(pod.ToJsonString());
            if (result.Status == ObjectWriteStatus.Created)
            {
                Report(events, rs, KubernetesEvents.Normal, "SuccessfulCreate", $"Created pod: {name}", "replicaset-controller");
                return true;
            }
            if (result.Status != ObjectWriteStatus.AlreadyExists)
            {
                return false;
            }
        }
        return false;
    }

    private async Task WriteStatusAsync(JsonObject rs, IReadOnlyList<PodView> views)
    {
        var active = views.Where(ReplicaSetPlanner.IsActive).ToArray();
        var status = new JsonObject
        {
            ["replicas"] = active.Length,
            ["fullyLabeledReplicas"] = active.Length,
            ["readyReplicas"] = active.Count(p => p.Ready),
            ["availableReplicas"] = active.Count(p => p.Ready),
            ["observedGeneration"] = rs["metadata"]?["generation"]?.DeepClone(),
        };
        if (JsonNode.DeepEquals(rs["status"], status))
        {
            return;
        }
        var updated = rs.DeepClone().AsObject();
        updated["status"] = status;
        await WriteAsync(updated);
    }

    private static string RandomSuffix() =>
        string.Create(5, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = NameAlphabet[RandomNumberGenerator.GetInt32(NameAlphabet.Length)];
            }
        });
}
