using Actors.Grains.Controllers.Services;

namespace Actors.Grains.Services;

/// <summary>
/// The cluster's one allocator of clusterIPs (10.96.0.0/12) and nodePorts (30000-32767). Its state is the
/// Services themselves: an activation rebuilds who holds what from the stored Services, and the Service grains
/// settle it after each write and on delete.
/// </summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class ServiceAllocatorGrain(IObjectStore store) : Grain, IServiceAllocatorGrain
{
    private readonly ServiceAllocations _allocations = new(Ipv4Cidr.ServiceDefault, AllocationRange.NodePortDefault);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var service in (await store.ListAsync("Service", ns: null, cancellationToken: cancellationToken)).Items)
        {
            _allocations.Settle($"{ObjectJson.Namespace(service)}/{ObjectJson.Name(service)}", ServiceAdmission.Addresses(service));
        }
    }

    public Task<ServiceAllocationResult> ReserveAsync(string service, ServiceAddresses request) =>
        Task.FromResult(_allocations.Reserve(service, request));

    public Task SettleAsync(string service, ServiceAddresses? stored)
    {
        _allocations.Settle(service, stored);
        return Task.CompletedTask;
    }
}
