using Actors.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Gateway.Health;

public static partial class HealthEndpointExtensions
{
    /// <summary>
    /// Maps <c>/healthz</c>, <c>/livez</c>, <c>/readyz</c> and <c>/{endpoint}/{check}</c>. They stay anonymous
    /// whatever authorization is applied elsewhere: kubelets and load balancers probe without credentials.
    /// </summary>
    public static RouteGroupBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("");
        foreach (var endpoint in HealthChecks.Endpoints)
        {
            group.MapGet("/" + endpoint, (HttpContext context) =>
            {
                var checks = Evaluate(context, endpoint);
                var query = context.Request.Query;
                var response = HealthReport.Render(endpoint, checks, query.ContainsKey("verbose"),
                    query["exclude"].Where(e => !string.IsNullOrEmpty(e)).Select(e => e!).ToArray());
                if (response.StatusCode != 200)
                {
                    var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Actors.Gateway.Health");
                    LogFailed(logger, endpoint, string.Join("; ", checks.Where(c => !c.Healthy).Select(c => $"{c.Name}: {c.Reason}")));
                }
                return Write(context, response);
            });
            group.MapGet("/" + endpoint + "/{check}", (HttpContext context, string check) =>
                Write(context, HealthReport.RenderSingle(Evaluate(context, endpoint).FirstOrDefault(c => c.Name == check), check)));
        }
        group.AllowAnonymous();
        return group;
    }

    private static IReadOnlyList<HealthCheck> Evaluate(HttpContext context, string endpoint)
    {
        var services = context.RequestServices;
        var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping.IsCancellationRequested ?? false;
        return HealthChecks.Evaluate(endpoint, services.GetService<Silo>()?.Status, stopping);
    }

    private static IResult Write(HttpContext context, HealthResponse response)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(response.Body, "text/plain; charset=utf-8", statusCode: response.StatusCode);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Endpoint} check failed: {Failures}")]
    private static partial void LogFailed(ILogger logger, string endpoint, string failures);
}
