namespace Actors.Grains.Objects;

/// <summary>A resource grain with children (a ReplicaSet's pods, a Deployment's ReplicaSets): a child's change triggers a reconcile.</summary>
public abstract class OwnerResourceGrain(IObjectStore store, ILogger logger, string kind, string apiVersion)
    : ResourceGrain(store, logger, kind, apiVersion), IOwnerGrain
{
    protected override TimeSpan? ResyncPeriod => TimeSpan.FromSeconds(5);

    public Task ChildChangedAsync()
    {
        RequestReconcile();
        return Task.CompletedTask;
    }
}
