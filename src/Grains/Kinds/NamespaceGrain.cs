using System.Text.Json.Nodes;

namespace Actors.Grains.Kinds;

/// <summary>
/// Owns a namespace. Deleting it marks it Terminating, deletes everything inside through each object's own
/// grain (so owners' cascades apply), and removes the namespace once nothing is left — retried on every
/// resync until then.
/// </summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class NamespaceGrain(IObjectStore store, ILogger<NamespaceGrain> logger, TimeProvider time)
    : ResourceGrain(store, logger, "Namespace", "v1"), INamespaceGrain
{
    /// <summary>Owners first, so their dependents go with them, then whatever is left.</summary>
    private static readonly string[] ContentKinds = ["Deployment", "ReplicaSet", "Pod", "Service", "Endpoints", "ConfigMap", "Secret", "Event"];

    protected override TimeSpan? ResyncPeriod => TimeSpan.FromSeconds(5);

    protected override async Task<ObjectWriteResult?> OnDeleteRequestedAsync(DeleteRequest request)
    {
        var terminating = Current!.DeepClone().AsObject();
        ObjectJson.Metadata(terminating)["deletionTimestamp"] ??= ObjectJson.Timestamp(time.GetUtcNow());
        terminating["status"] = new JsonObject { ["phase"] = "Terminating" };
        var result = await WriteAsync(terminating);
        return result.Succeeded ? result with { Status = ObjectWriteStatus.Deleting } : result;
    }

    protected override async Task ReconcileAsync()
    {
        if (!ObjectJson.IsDeleting(Current!))
        {
            return;
        }
        foreach (var kind in ContentKinds)
        {
            foreach (var item in (await Store.ListAsync(kind, Key.Name)).Items)
            {
                if (ResourceGrains.For(GrainFactory, kind, Key.Name, ObjectJson.Name(item) ?? "") is { } grain)
                {
                    await grain.DeleteAsync(new DeleteRequest());
                }
            }
        }
        // What is still there (finalizers, objects created meanwhile) is retried at the next resync.
        foreach (var kind in ContentKinds)
        {
            if ((await Store.ListAsync(kind, Key.Name, new ListOptions { Limit = 1 })).Items.Count > 0)
            {
                return;
            }
        }
        await RemoveAsync(PropagationPolicy.Background);
    }
}
