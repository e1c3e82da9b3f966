using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Services;

namespace Actors.Grains.Kinds;

/// <summary>
/// Owns one Service: defaults and validates it, takes its clusterIP and nodePorts from the cluster's one
/// allocator, and keeps its Endpoints equal to the ready and not-ready pods it selects (Kubernetes' endpoints
/// controller). A selected pod's change wakes it at once; the resync repairs anything missed.
/// </summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class ServiceGrain(IObjectStore store, ILogger<ServiceGrain> logger) : ResourceGrain(store, logger, "Service", "v1"), IServiceGrain
{
    /// <summary>An allocation made for a write whose outcome the allocator has not been told yet.</summary>
    private bool _unsettled;

    protected override TimeSpan? ResyncPeriod => TimeSpan.FromSeconds(5);

    private IServiceAllocatorGrain Allocator => GrainFactory.GetGrain<IServiceAllocatorGrain>(IServiceAllocatorGrain.ClusterKey);

    public Task PodsChangedAsync()
    {
        RequestReconcile();
        return Task.CompletedTask;
    }

    protected override IReadOnlyList<ValidationCauseInfo> Prepare(JsonObject obj, JsonObject? old) => ServiceAdmission.Prepare(obj, old);

    protected override async Task<IReadOnlyList<ValidationCauseInfo>> AdmitAsync(JsonObject obj, JsonObject? old)
    {
        var result = await Allocator.ReserveAsync(Key.GrainKey, ServiceAdmission.Addresses(obj));
        if (result.Allocated is null)
        {
            return result.Causes;
        }
        _unsettled = true;
        ServiceAdmission.Apply(obj, result.Allocated);
        return [];
    }

    /// <summary>
    /// A stored write settles the allocator before it is answered, as the apiserver releases within the update: a
    /// nodePort the write dropped is free for the caller's next create.
    /// </summary>
    protected override async Task OnChangedAsync(JsonObject? before, JsonObject? after)
    {
        if (after is not null && _unsettled)
        {
            await Allocator.SettleAsync(Key.GrainKey, ServiceAdmission.Addresses(after));
            _unsettled = false;
        }
    }

    protected override async Task ReconcileAsync()
    {
        var service = Current!;
        if (_unsettled)
        {
            // A reservation whose write did not land: the allocator keeps exactly what the stored Service uses.
            await Allocator.SettleAsync(Key.GrainKey, ServiceAdmission.Addresses(service));
            _unsettled = false;
        }
        if (EndpointsPlanner.Selector(service) is not { } selector)
        {
            return;
        }
        var pods = await Store.ListAsync("Pod", Key.Namespace, new ListOptions { Filter = pod => EndpointsPlanner.Selects(selector, pod) });
        if (EndpointsPlanner.Plan(service, pods.Items) is not { } desired)
        {
            return;
        }
        var current = await Store.GetAsync("Endpoints", Key.Namespace, Key.Name);
        var endpoints = GrainFactory.GetGrain<IEndpointsGrain>(Key.GrainKey);
        if (current is null)
        {
            await endpoints.CreateAsync(desired.ToJsonString());
        }
        else if (!EndpointsPlanner.IsCurrent(current, desired))
        {
            var updated = current.DeepClone().AsObject();
            Replace(ObjectJson.Metadata(updated), "labels", desired["metadata"]?["labels"]);
            Replace(updated, "subsets", desired["subsets"]);
            await endpoints.UpdateAsync(updated.ToJsonString());
        }
    }

    // An absent field stays absent, as Kubernetes omits empty subsets and labels.
    private static void Replace(JsonObject target, string field, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(field);
        }
        else
        {
            target[field] = value.DeepClone();
        }
    }

    protected override async Task OnDeletedAsync(JsonObject last, PropagationPolicy propagation)
    {
        await GrainFactory.GetGrain<IEndpointsGrain>(Key.GrainKey).DeleteAsync(new DeleteRequest());
        await Allocator.SettleAsync(Key.GrainKey, stored: null);
        _unsettled = false;
    }
}
