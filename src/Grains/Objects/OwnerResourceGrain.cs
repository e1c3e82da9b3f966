using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Selectors;
using Actors.Grains.Controllers.Ownership;

namespace Actors.Grains.Objects;

/// <summary>A resource grain with children (a ReplicaSet's pods, a Deployment's ReplicaSets): a child's change triggers a reconcile.</summary>
public abstract class OwnerResourceGrain(IObjectStore store, ILogger logger, string kind, string apiVersion)
    : ResourceGrain(store, logger, kind, apiVersion), IOwnerGrain
{
    protected override TimeSpan? ResyncPeriod => TimeSpan.FromSeconds(5);

    /// <summary>The kind of this owner's dependents, found by the store's owner index.</summary>
    protected abstract string DependentKind { get; }

    /// <summary>
    /// How often an owner looks through its namespace for orphans nobody told it about (a notification lost with
    /// a silo); otherwise it reads only its own dependents, by the owner index.
    /// </summary>
    private static readonly TimeSpan OrphanRescanPeriod = TimeSpan.FromSeconds(30);

    /// <summary>When the next pass looks for orphans: at once after activation, since notifications may have been missed.</summary>
    private DateTimeOffset _orphanScanDue = DateTimeOffset.MinValue;

    public Task ChildChangedAsync()
    {
        RequestReconcile();
        return Task.CompletedTask;
    }

    public Task OrphanMatchedAsync()
    {
        _orphanScanDue = DateTimeOffset.MinValue;
        RequestReconcile();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The dependents this owner controls once it has claimed them by its selector, as Kubernetes' controllers
    /// do on every sync: those it controls whose labels no longer match lose its reference, and orphans in its
    /// namespace whose labels match get it. Its own come from the owner index every pass — never a cache, so a
    /// pass after a crash counts what really exists; orphans are looked for when one was announced
    /// (<see cref="OrphanMatchedAsync"/>) and now and then in case an announcement was lost. Without a usable
    /// selector it only keeps what it already controls.
    /// </summary>
    protected async Task<List<JsonObject>> ClaimDependentsAsync(JsonNode? selectorJson)
    {
        var owner = Current!;
        var uid = ObjectJson.Uid(owner)!;
        var owned = (await Store.ListByOwnerAsync(DependentKind, Key.Namespace, uid)).Where(d => ObjectJson.Controller(d)?.Uid == uid).ToList();
        if (OwnerSelector.From(selectorJson) is not { } selector)
        {
            return owned;
        }
        var candidates = owned.Concat(await OrphansAsync(selector)).ToArray();
        var byName = candidates.ToDictionary(d => ObjectJson.Name(d) ?? "", StringComparer.Ordinal);
        var plan = ClaimPlanner.Plan(uid, ObjectJson.IsDeleting(owner), [.. candidates.Select(d => OwnerSelector.Candidate(d, selector))]);
        var claimed = plan.Keep.Select(name => byName[name]).ToList();
        var reference = ObjectJson.ControllerReference(ApiVersion, Kind, Key.Name, uid);
        foreach (var name in plan.Adopt)
        {
            var adoptable = (JsonObject d) => ObjectJson.Controller(d) is null && selector.Matches(ObjectJson.Labels(d)) ? OwnerReferences.WithController(d, reference) : null;
            if (await WriteDependentAsync(byName[name], adoptable) is { } adopted)
            {
                claimed.Add(adopted);
            }
        }
        foreach (var name in plan.Release)
        {
            await WriteDependentAsync(byName[name], d => OwnerReferences.WithoutOwner(d, uid));
        }
        return claimed;
    }

    private async Task<IReadOnlyList<JsonObject>> OrphansAsync(LabelMatcher selector)
    {
        var now = Clock.GetUtcNow();
        if (now < _orphanScanDue)
        {
            return [];
        }
        _orphanScanDue = now + OrphanRescanPeriod;
        // Objects with only non-controller owners are adoptable too, but rare: they are not looked for, so that a
        // scan reads the unowned few by index rather than every object of the namespace.
        var unowned = await Store.ListUnownedAsync(DependentKind, Key.Namespace);
        return [.. unowned.Where(d => selector.Matches(ObjectJson.Labels(d)))];
    }

    /// <summary>
    /// What Kubernetes' garbage collector does once an owner is gone: with orphan propagation the dependents stay,
    /// without their reference to it, so that a new owner whose selector matches them can adopt them; otherwise
    /// they are deleted through their own grains with the same propagation.
    /// </summary>
    protected override async Task OnDeletedAsync(JsonObject last, PropagationPolicy propagation)
    {
        var uid = ObjectJson.Uid(last)!;
        foreach (var dependent in await Store.ListByOwnerAsync(DependentKind, Key.Namespace, uid))
        {
            if (propagation == PropagationPolicy.Orphan)
            {
                await WriteDependentAsync(dependent, d => OwnerReferences.WithoutOwner(d, uid));
            }
            else if (ResourceGrains.For(GrainFactory, DependentKind, Key.Namespace, ObjectJson.Name(dependent) ?? "") is { } grain)
            {
                await grain.DeleteAsync(new DeleteRequest(propagation));
            }
        }
    }

    private const int DependentWriteAttempts = 5;

    /// <summary>
    /// Changes a dependent through its own grain, conditional on the version read; when another writer got there
    /// first (a pod's agent reporting status) it reads the dependent again and reapplies the change, which may now
    /// decline (null). The stored object, or null when the change was not made.
    /// </summary>
    protected async Task<JsonObject?> WriteDependentAsync(JsonObject dependent, Func<JsonObject, JsonObject?> change)
    {
        if (ResourceGrains.For(GrainFactory, DependentKind, Key.Namespace, ObjectJson.Name(dependent) ?? "") is not { } grain)
        {
            return null;
        }
        var current = dependent;
        for (var attempt = 0; attempt < DependentWriteAttempts && change(current) is { } changed; attempt++)
        {
            var result = await grain.UpdateAsync(changed.ToJsonString());
            if (result.Succeeded && result.Object is { } written)
            {
                return JsonNode.Parse(written)!.AsObject();
            }
            if (result.Status != ObjectWriteStatus.Conflict || await grain.GetAsync() is not { } reread)
            {
                return null;
            }
            current = JsonNode.Parse(reread)!.AsObject();
        }
        return null;
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
        ObjectJson.Metadata(updated)["finalizers"] = new JsonArray([.. others.Select(f => (JsonNode?)f)]);
        await WriteAsync(updated);
        return true;
    }
}
