using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Services;

namespace Actors.Grains.Services;

/// <summary>
/// Tells the Services that select a pod — before or after its change — that their Endpoints may be stale, so a
/// pod's new IP, readiness, labels or deletion shows at once rather than at the services' next resync, which
/// still repairs a notification lost here.
/// </summary>
public static partial class ServicePodNotifier
{
    public static async Task NotifyAsync(IGrainFactory grains, IObjectStore store, ILogger logger, JsonObject? before, JsonObject? after)
    {
        if (JsonNode.DeepEquals(EndpointsPlanner.View(before), EndpointsPlanner.View(after)))
        {
            return;
        }
        var pod = (after ?? before)!;
        var ns = ObjectJson.Namespace(pod) ?? "";
        try
        {
            foreach (var service in (await store.ListAsync("Service", ns)).Items)
            {
                if (EndpointsPlanner.Selector(service) is { } selector
                    && ((before is not null && EndpointsPlanner.Selects(selector, before)) || (after is not null && EndpointsPlanner.Selects(selector, after))))
                {
                    await grains.GetGrain<IServiceGrain>($"{ns}/{ObjectJson.Name(service)}").PodsChangedAsync();
                }
            }
        }
        catch (Exception exception)
        {
            LogNotifyFailed(logger, ns, ObjectJson.Name(pod) ?? "", exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telling the services of pod {Namespace}/{Pod} failed (their resync repairs it): {Error}")]
    private static partial void LogNotifyFailed(ILogger logger, string @namespace, string pod, string error);
}
