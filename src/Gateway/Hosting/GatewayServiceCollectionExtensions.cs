using Actors.Gateway.Api;
using Actors.Gateway.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Gateway.Hosting;

/// <summary>Hosts the Kubernetes-compatible API in an ASP.NET Core application.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Creates (or loads) the cluster CA, the serving certificate and the admin token in
    /// <see cref="GatewayOptions.DataDirectory"/>, and makes Kestrel listen with HTTPS on the configured address.
    /// Needs an <c>IGrainFactory</c> and an <c>IObjectStore</c> in the container.
    /// </summary>
    public static IServiceCollection AddKubernetesApi(this IServiceCollection services, GatewayOptions options)
    {
        var time = services.Select(d => d.ImplementationInstance).OfType<TimeProvider>().FirstOrDefault() ?? TimeProvider.System;
        var security = GatewaySecurity.Create(options, time);
        services.AddSingleton(options);
        services.AddSingleton(security);
        services.AddSingleton<KubernetesApiEndpoints>();
        services.AddRouting();
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes + 1;
            kestrel.Listen(options.ListenAddress, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(security.Certificates.Serving);
            });
        });
        return services;
    }

    /// <summary>Maps <c>/version</c>, discovery, <c>/openapi/v2</c>, every resource route and manifest submission.</summary>
    public static IEndpointRouteBuilder MapKubernetesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.ServiceProvider.GetRequiredService<KubernetesApiEndpoints>();
        endpoints.MapGet("/version", api.VersionAsync);
        endpoints.MapGet("/openapi/v2", api.OpenApiV2Async);
        endpoints.MapGet("/openapi/v3", api.OpenApiV3Async);
        endpoints.MapGet("/openapi/v3/{**rest}", api.OpenApiV3Async);
        endpoints.Map("/api", api.ApiAsync);
        endpoints.Map("/api/{**rest}", api.ApiAsync);
        endpoints.Map(ManifestHandler.Path, api.ManifestsAsync);
        endpoints.Map("/apis", api.ApiAsync);
        endpoints.Map("/apis/{**rest}", api.ApiAsync);
        return endpoints;
    }

    /// <summary>A kubeconfig for the admin user pointing at <paramref name="serverUrl"/>.</summary>
    public static string AdminKubeconfig(this IServiceProvider services, string serverUrl)
    {
        var security = services.GetRequiredService<GatewaySecurity>();
        return Kubeconfig.Render(serverUrl, security.Certificates.CaPem, security.AdminToken);
    }
}
