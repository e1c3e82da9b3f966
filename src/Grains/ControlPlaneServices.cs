using Actors.Grains.Controllers.Nodes;
using Actors.Grains.Scheduling;
using Actors.Grains.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains;

/// <summary>What the control plane's grains need from a silo besides their grain classes (node cache, node lifecycle timings, the event sink): one registration for every host.</summary>
public static class ControlPlaneServices
{
    public static IServiceCollection AddControlPlane(this IServiceCollection services, IObjectStore store, NodeLifecycleOptions lifecycle)
    {
        services.AddSingleton(store);
        services.AddSingleton(lifecycle);
        services.AddSingleton(sp => new NodeCache(store, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<NodeCache>>()));
        services.AddSingleton<IEventSink, StoreEventSink>();
        services.AddSingleton(sp => new Services.ServicePodNotifier(store, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<Services.ServicePodNotifier>>()));
        return services;
    }
}
