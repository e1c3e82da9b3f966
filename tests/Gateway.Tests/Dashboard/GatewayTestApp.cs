using Actors.Gateway.Dashboard;
using Actors.Gateway.Health;
using Actors.Gateway.Hosting;
using Actors.Gateway.Metrics;
using Actors.Grains;
using Actors.Grains.Abstractions.Store;
using Actors.Grains.Controllers.Nodes;
using Actors.Grains.Store;
using Actors.NodeAgent.Agent;
using Actors.Runtime.Hosting;
using Actors.Storage;
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
    private readonly TempDirectory? _data;

    private readonly ObjectStore? _store;
    private readonly Database? _database;

    private GatewayTestApp(WebApplication app, Uri baseAddress, TempDirectory? data, ObjectStore? store, Database? database)
    {
        _app = app;
        _data = data;
        _store = store;
        _database = database;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The object store of a <c>controlPlane</c> app; null otherwise.</summary>
    public IObjectStore? Store => _store;

    public Silo Silo => _app.Services.GetRequiredService<Silo>();

    /// <summary>The admin bearer token when started with <c>secured</c>; null when the endpoints are open.</summary>
    public string? AdminToken => _app.Services.GetService<GatewaySecurity>()?.AdminToken;

    /// <summary>
    /// <paramref name="secured"/> registers the Kubernetes API's security (tokens, no HTTPS listener), which turns
    /// on authentication for the dashboard API and /metrics. <paramref name="controlPlane"/> adds the resource grains
    /// and an SQLite object store, for the objects view.
    /// </summary>
    public static async Task<GatewayTestApp> StartAsync(bool secured = false, bool controlPlane = false)
    {
        var data = secured || controlPlane ? new TempDirectory() : null;
        var database = controlPlane ? Database.ForSqliteFile(Path.Combine(data!.Path, "actors.db")) : null;
        var store = database is null ? null : await ObjectStore.OpenAsync(database);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var port = FreePort.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(TallyGrain).Assembly);
            if (controlPlane)
            {
                silo.AddGrains(typeof(ControlPlane).Assembly);
                silo.AddGrains(typeof(NodeAgentGrain).Assembly);
            }
            silo.Options.SiloName = "dashboard-test";
            silo.Options.ResponseTimeout = TimeSpan.FromSeconds(10);
        });
        if (store is not null)
        {
            builder.Services.AddControlPlane(store, NodeLifecycleOptions.TestProfile());
            builder.Services.AddSingleton(NodeAgentOptions.TestProfile(Path.Combine(data!.Path, "volumes")));
        }
        if (secured && data is not null)
        {
            builder.Services.AddSingleton(GatewaySecurity.Create(new GatewayOptions { DataDirectory = data.Path }, TimeProvider.System));
        }
        builder.Services.AddPrometheusMetrics();
        builder.Services.AddDashboard(options => options.SampleInterval = TimeSpan.FromMilliseconds(250));
        var app = builder.Build();
        app.MapPrometheusMetrics();
        app.MapHealthEndpoints();
        app.MapDashboard();
        await app.StartAsync();
        return new GatewayTestApp(app, new Uri($"http://127.0.0.1:{port}/"), data, store, database);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        _data?.Dispose();
    }
}
