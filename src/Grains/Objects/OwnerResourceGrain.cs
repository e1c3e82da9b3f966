namespace Actors.Grains.Objects;

/// <summary>A resource grain with children (a ReplicaSet's pods, a Deployment's ReplicaSets): a child's change triggers a reconcile.</summary>
public abstract class OwnerResourceGrain(IObjectStore store, ILogger logger, string kind, string apiVersion)
    : ResourceGrain(store, logger, kind, apiVersion), IOwnerGrain
{
    protected override TimeSpan? ResyncPeriod => TimeSpan.FromSeconds(5);

    /// <summary>The kind of this owner's dependents, found by the store's owner index.</summary>
    protected abstract string DependentKind { get; }

    public Task ChildChangedAsync()
    {
        RequestReconcile();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Foreground deletion, as Kubernetes' garbage collector does it: while the object carries the
    /// foregroundDeletion finalizer its dependents are deleted (in the foreground too), and once the last one
    /// is gone the finalizer comes off and the object goes. True while this owner is being deleted that way.
    /// </summary>
    protected async Task<bool> ContinueForegroundDeletionAsync()
    {
        var owner = Current!;
        if (!ObjectJson.IsDeleting(owner) || !ObjectJson.Finalizers(owner).Contains(ForegroundFinalizer))
        {
            return false;
        }
        var dependents = await Store.ListByOwnerAsync(DependentKind, Key.Namespace, ObjectJson.Uid(owner)!);
        foreach (var dependent in dependents.Where(d => !ObjectJson.IsDeleting(d)))
        {
            if (ResourceGrains.For(GrainFactory, DependentKind, Key.Namespace, ObjectJson.Name(dependent) ?? "") is { } grain)
            {
                await grain.DeleteAsync(new DeleteRequest(PropagationPolicy.Foreground));
            }
        }
        if (dependents.Count > 0)
        {
            return true;
        }
        var others = ObjectJson.Finalizers(owner).Where(f => f != ForegroundFinalizer).ToList();
        if (others.Count == 0)
        {
            await RemoveAsync(PropagationPolicy.Orphan);
            return true;
        }
        var updated = owner.DeepClone().AsObject();
        ObjectJson.Metadata(updated)["finalizers"] = new System.Text.Json.Nodes.JsonArray([.. others.Select(f => (System.Text.Json.Nodes.JsonNode?)f)]);
        await WriteAsync(updated);
        return true;
    }
}
