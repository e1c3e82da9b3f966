using Actors.Gateway.Dashboard;
using Actors.Gateway.Health;
using Actors.Gateway.Metrics;
using Actors.Runtime.Hosting;
using Actors.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Gateway.Tests.Dashboard;

/// <summary>A real Kestrel app on a free loopback port with an in-process silo and the observability endpoints.</summary>
public sealed class GatewayTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayTestApp(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public Silo Silo => _app.Services.GetRequiredService<Silo>();

    public static async Task<GatewayTestApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var port = FreePort.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(TallyGrain).Assembly);
            silo.Options.SiloName = "dashboard-test";
            silo.Options.ResponseTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddPrometheusMetrics();
        builder.Services.AddDashboard(options => options.SampleInterval = TimeSpan.FromMilliseconds(250));
        var app = builder.Build();
        app.MapPrometheusMetrics();
        app.MapHealthEndpoints();
        app.MapDashboard();
        await app.StartAsync();
        return new GatewayTestApp(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
