using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Actors.Gateway.Hosting;
using Actors.Gateway.Metrics;
using Actors.Grains;
using Actors.Grains.Boot;
using Actors.Grains.Controllers.Nodes;
using Actors.Grains.Store;
using Actors.NodeAgent.Agent;
using Actors.Runtime.Hosting;
using Actors.Storage;
using Actors.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Gateway.Tests.Api;

/// <summary>The real gateway over HTTPS on a free loopback port (API and /metrics), with real grains in an in-process silo and a SQLite object store.</summary>
internal sealed class GatewayTestServer : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly Database _database;
    private readonly WebApplication _app;

    private GatewayTestServer(TempDirectory directory, Database database, ObjectStore store, WebApplication app, string url)
    {
        _directory = directory;
        _database = database;
        Store = store;
        _app = app;
        Url = url;
    }

    public ObjectStore Store { get; }

    public string Url { get; }

    public string DataDirectory => _directory.Path;

    public string Kubeconfig => _app.Services.AdminKubeconfig(Url);

    /// <summary>The silo's grains, for what a test sets up behind the API (a hollow node).</summary>
    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <param name="tokenFile">Extra users as a static token file (<c>token,user,uid,"group1,group2"</c> lines).</param>
    public static async Task<GatewayTestServer> StartAsync(string? tokenFile = null)
    {
        var directory = new TempDirectory();
        string? tokenFilePath = null;
        if (tokenFile is not null)
        {
            tokenFilePath = Path.Combine(directory.Path, "tokens.csv");
            await File.WriteAllTextAsync(tokenFilePath, tokenFile);
        }
        var database = Database.ForSqliteFile(Path.Combine(directory.Path, "actors.db"));
        var store = await ObjectStore.OpenAsync(database);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddControlPlane(store, NodeLifecycleOptions.TestProfile());
        builder.Services.AddSingleton(NodeAgentOptions.TestProfile(Path.Combine(directory.Path, "volumes")));
        builder.Services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(ControlPlane).Assembly);
            silo.AddGrains(typeof(NodeAgentGrain).Assembly);
        });
        builder.Services.AddKubernetesApi(new GatewayOptions { DataDirectory = Path.Combine(directory.Path, "pki"), Port = 0, TokenFilePath = tokenFilePath });
        builder.Services.AddPrometheusMetrics();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapPrometheusMetrics();
        app.MapKubernetesApi();
        await app.StartAsync();
        await BootObjects.EnsureAsync(app.Services.GetRequiredService<IGrainFactory>(), 443);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new GatewayTestServer(directory, database, store, app, $"https://127.0.0.1:{port}");
    }

    /// <summary>An HttpClient that trusts exactly the cluster CA (full chain and host-name validation).</summary>
    public HttpClient Client(string? token = null)
    {
        var ca = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(DataDirectory, "pki", "ca.crt")));
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { ca },
                    RevocationMode = X509RevocationMode.NoCheck,
                },
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? File.ReadAllText(Path.Combine(DataDirectory, "pki", "admin.token")).Trim());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        await _database.DisposeAsync();
        _directory.Dispose();
    }
}
