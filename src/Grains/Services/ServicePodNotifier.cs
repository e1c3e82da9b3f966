using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Services;

namespace Actors.Grains.Services;

/// <summary>
/// Tells the Services that select a pod — before or after its change — that their Endpoints may be stale, so a
/// pod's new IP, readiness, labels or deletion shows at once rather than at the services' next resync, which
/// still repairs a notification lost here. One per silo: the selectors of a namespace's Services are read at
/// most once a second, not once per pod change; a Service younger than that lists its pods itself.
/// </summary>
public sealed partial class ServicePodNotifier(IObjectStore store, TimeProvider time, ILogger<ServicePodNotifier> logger)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (long ReadAt, Task<ServiceSelector[]> Services)> _byNamespace = new(StringComparer.Ordinal);

    public async Task NotifyAsync(IGrainFactory grains, JsonObject? before, JsonObject? after)
    {
        if (JsonNode.DeepEquals(EndpointsPlanner.View(before), EndpointsPlanner.View(after)))
        {
            return;
        }
        var pod = (after ?? before)!;
        var ns = ObjectJson.Namespace(pod) ?? "";
        try
        {
            foreach (var service in await ServicesAsync(ns))
            {
                if ((before is not null && EndpointsPlanner.Selects(service.Selector, before)) || (after is not null && EndpointsPlanner.Selects(service.Selector, after)))
                {
                    await grains.GetGrain<IServiceGrain>($"{ns}/{service.Name}").PodsChangedAsync();
                }
            }
        }
        catch (Exception exception)
        {
            LogNotifyFailed(logger, ns, ObjectJson.Name(pod) ?? "", exception.Message);
        }
    }

    private Task<ServiceSelector[]> ServicesAsync(string ns)
    {
        var now = time.GetTimestamp();
        return _byNamespace.AddOrUpdate(
            ns,
            _ => (now, ReadAsync(ns)),
            (_, cached) => time.GetElapsedTime(cached.ReadAt) < MaxAge && !cached.Services.IsFaulted ? cached : (now, ReadAsync(ns))).Services;
    }

    private async Task<ServiceSelector[]> ReadAsync(string ns) =>
        [.. (await store.ListAsync("Service", ns)).Items
            .Select(service => (Name: ObjectJson.Name(service), Selector: EndpointsPlanner.Selector(service)))
            .Where(s => s.Name is not null && s.Selector is not null)
            .Select(s => new ServiceSelector(s.Name!, s.Selector!))];

    private sealed record ServiceSelector(string Name, IReadOnlyDictionary<string, string> Selector);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telling the services of pod {Namespace}/{Pod} failed (their resync repairs it): {Error}")]
    private static partial void LogNotifyFailed(ILogger logger, string @namespace, string pod, string error);
}
