using Actors.Concurrency;

namespace Actors.Grains.Abstractions.Objects;

/// <summary>A child changed (a pod of a ReplicaSet, a ReplicaSet of a Deployment): reconcile now, not at the next resync.</summary>
public interface IOwnerGrain : IResourceGrain
{
    /// <summary>One-way: the owner may be the very grain that is creating this child, mid-reconcile.</summary>
    [OneWay]
    Task ChildChangedAsync();
}
