namespace Actors.Grains.Abstractions.Objects;

/// <summary>
/// The one allocator of clusterIPs and nodePorts for the whole cluster: a single activation, so two services
/// can never be handed the same value, whichever silos their grains run on.
/// </summary>
public interface IServiceAllocatorGrain : IGrainWithStringKey
{
    /// <summary>The key of the one activation.</summary>
    public const string ClusterKey = "cluster";

    /// <summary>
    /// Reserves what a service asks for (explicit values, or any free one), in addition to what it already
    /// holds, so a write that fails never frees a value the stored object still uses.
    /// </summary>
    Task<ServiceAllocationResult> ReserveAsync(string service, ServiceAddresses request);

    /// <summary>Sets what a service holds to exactly what its stored object uses; null when the service is gone.</summary>
    Task SettleAsync(string service, ServiceAddresses? stored);
}
