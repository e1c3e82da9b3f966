using System.Text.Json.Nodes;
using Actors.Gateway.Dashboard;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Store;
using Actors.Runtime.Hosting;
using Actors.Runtime.Management;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Gateway.Metrics;

public static class PrometheusEndpointExtensions
{
    /// <summary>Starts listening to the project's meters; call before the silo starts so no measurement is missed.</summary>
    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        services.AddSingleton<PrometheusMetricsListener>();
        return services;
    }

    /// <summary>
    /// Serves the text exposition format 0.0.4 at <paramref name="path"/>; with <c>AddKubernetesApi</c> only to a
    /// bearer token the Kubernetes API accepts (a 401 or 403 Status otherwise), as Prometheus' scrape config sends one.
    /// With an object store in the container, the scrape also counts the stored objects (<see cref="ObjectMetrics"/>).
    /// </summary>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string path = "/metrics")
    {
        var listener = endpoints.ServiceProvider.GetService<PrometheusMetricsListener>()
            ?? throw new InvalidOperationException("MapPrometheusMetrics needs services.AddPrometheusMetrics() first.");
        return endpoints.MapGet(path, async (HttpContext context) =>
        {
            var families = listener.Collect().ToList();
            if (context.RequestServices.GetService<IObjectStore>() is { } store)
            {
                families.AddRange(await ObjectMetrics.CollectAsync(store, context.RequestAborted));
            }
            var management = context.RequestServices.GetService<IManagementService>();
            if (management is not null)
            {
                var silo = context.RequestServices.GetService<Silo>()?.Address.ToParsableString() ?? "local";
                families.Add(ManagementMetrics.Activations(management.GetGrainTypes(), silo));
            }
            return Results.Text(PrometheusTextFormatter.Format(families.OrderBy(f => f.Name, StringComparer.Ordinal)), PrometheusTextFormatter.ContentType);
        }).AddEndpointFilter(async (context, next) =>
            DashboardAuthentication.Check(context.HttpContext, acceptSession: false) is { } denied
                ? Results.Text(Denial(denied.Status, denied.Message).ToJsonString(), "application/json", statusCode: denied.Status)
                : await next(context));
    }

    private static JsonObject Denial(int status, string message) => status == StatusCodes.Status401Unauthorized
        ? KubeStatus.Unauthorized()
        : KubeStatus.ForbiddenWithReason(new GroupResource("", "metrics"), null, message);
}
