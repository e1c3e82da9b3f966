using Actors.Concurrency;

namespace Actors.Grains.Abstractions.Objects;

/// <summary>
/// A child changed (a pod of a ReplicaSet, a ReplicaSet of a Deployment), or an orphan it may adopt appeared:
/// reconcile now, not at the next resync.
/// </summary>
public interface IOwnerGrain : IResourceGrain
{
    /// <summary>One-way: the owner may be the very grain that is creating this child, mid-reconcile.</summary>
    [OneWay]
    Task ChildChangedAsync();

    /// <summary>One-way: an orphan this owner's selector matches appeared or changed its labels; look for orphans to adopt.</summary>
    [OneWay]
    Task OrphanMatchedAsync();
}
