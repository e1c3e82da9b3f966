using Actors.Concurrency;

namespace Actors.Grains.Abstractions.Objects;

/// <summary>The grain that owns one Node object and admits pods onto the node, one decision at a time.</summary>
public interface INodeGrain : IResourceGrain
{
    /// <summary>Admits the pod if the node is Ready, schedulable and has room; atomically, since the grain is single-threaded.</summary>
    Task<bool> BindAsync(string podKey, long milliCpu, long memoryBytes);

    /// <summary>Returns the pod's resources to the node (the pod was deleted). One-way: the node may be the one deleting the pod.</summary>
    [OneWay]
    Task ReleaseAsync(string podKey);

    /// <summary>
    /// The node's agent is alive and reports the node's status (conditions, capacity, node info, addresses).
    /// False when there is no such Node object.
    /// </summary>
    Task<bool> HeartbeatAsync(string statusJson);
}
