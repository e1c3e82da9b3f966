using Actors.Concurrency;

namespace Actors.Grains.Abstractions.Objects;

/// <summary>The grain that owns one Node object and admits pods onto the node, one decision at a time.</summary>
public interface INodeGrain : IResourceGrain
{
    /// <summary>
    /// Admits the pod if the node is Ready, schedulable and has room. Atomic though it interleaves: it decides
    /// without awaiting, and the grain runs one thing at a time between awaits. Interleaving keeps binds from
    /// queueing behind the node's own status writes.
    /// </summary>
    [AlwaysInterleave]
    Task<bool> BindAsync(string podKey, long milliCpu, long memoryBytes);

    /// <summary>Returns the pod's resources to the node (the pod was deleted). One-way: the node may be the one deleting the pod.</summary>
    [OneWay]
    [AlwaysInterleave]
    Task ReleaseAsync(string podKey);

    /// <summary>
    /// The node's agent is alive and reports the node's status (conditions, capacity, node info, addresses).
    /// False when there is no such Node object. Interleaves: a heartbeat is recorded at once even while the
    /// grain awaits a write (the status write it may cause runs in a turn of its own), so a busy node is never
    /// taken for a silent one.
    /// </summary>
    [AlwaysInterleave]
    Task<bool> HeartbeatAsync(string statusJson);
}
