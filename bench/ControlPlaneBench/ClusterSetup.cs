using Actors.Grains;
using Actors.Grains.Abstractions.Store;
using Actors.Grains.Controllers.Nodes;
using Actors.Grains.Store;
using Actors.NodeAgent.Agent;
using Actors.Runtime.Hosting;
using Actors.Runtime.Management;
using Actors.Runtime.Sql;
using Actors.Storage;
using Actors.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.ControlPlaneBench;

/// <summary>
/// The control plane under test, composed as `actors server` composes it: one silo on SQLite, or two silos in
/// this process joined over loopback TCP with membership on one fresh PostgreSQL database. Each silo has its own
/// database pool and object store, as separate processes would.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private const string ClusterId = "bench";

    private readonly List<IHost> _hosts = [];
    private readonly List<IAsyncDisposable> _resources = [];
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("actors-bench-");
    private TestPostgres? _postgres;

    private BenchCluster(string description) => Description = description;

    public string Description { get; }

    /// <summary>Each silo's grain factory: the benchmark's writes alternate between them.</summary>
    public IReadOnlyList<IGrainFactory> Entrances => _hosts.Select(h => h.Services.GetRequiredService<IGrainFactory>()).ToArray();

    /// <summary>The first silo's object store: the revision counter and the pods' watch.</summary>
    public IObjectStore Store => _hosts[0].Services.GetRequiredService<IObjectStore>();

    /// <summary>Each silo's activations and how many are hollow node agents: shows that placement spread them.</summary>
    public IReadOnlyList<(int Activations, int HollowAgents)> Placement() => _hosts
        .Select(h => h.Services.GetRequiredService<IManagementService>().GetGrainTypes())
        .Select(types => (types.Sum(t => t.Activations),
            types.Where(t => t.GrainType.Contains("hollow", StringComparison.OrdinalIgnoreCase)).Sum(t => t.Activations)))
        .ToArray();

    public static async Task<BenchCluster> StartSqliteAsync()
    {
        var cluster = new BenchCluster("SQLite, one silo");
        var database = cluster.Own(Database.ForSqliteFile(Path.Combine(cluster._directory.FullName, "actors.db")));
        await cluster.StartSiloAsync(database, clusterSecret: null);
        return cluster;
    }

    public static async Task<BenchCluster> StartPostgresAsync(string server, int silos)
    {
        var cluster = new BenchCluster($"PostgreSQL, {silos} silos");
        cluster._postgres = await TestPostgres.CreateAsync(server, "actors_bench_");
        var secret = "bench-cluster-secret-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < silos; i++)
        {
            await cluster.StartSiloAsync(cluster.Own(Database.ForPostgres(cluster._postgres.ConnectionString)), secret);
        }
        await Eventually.WaitAsync($"every silo to see {silos} active silos",
            () => cluster._hosts.All(h => h.Services.GetRequiredService<Silo>().Membership!.Snapshot.Active.Count() == silos),
            TimeSpan.FromSeconds(60));
        return cluster;
    }

    /// <summary>Starts a silo; with a cluster secret it joins the others over loopback TCP.</summary>
    private async Task StartSiloAsync(Database database, string? clusterSecret)
    {
        var stores = await SqlStores.CreateAsync(database, ClusterId, CancellationToken.None);
        var objects = Own(await ObjectStore.OpenAsync(database));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddControlPlane(objects, new NodeLifecycleOptions());
        builder.Services.AddSingleton(new NodeAgentOptions { VolumeRoot = Path.Combine(_directory.FullName, "volumes-" + _hosts.Count) });
        builder.Services.AddSilo(silo =>
        {
            silo.Options.ClusterId = ClusterId;
            silo.AddGrains(typeof(ControlPlane).Assembly);
            silo.AddGrains(typeof(NodeAgentGrain).Assembly);
            silo.UseGrainStorage(_ => stores.GrainStorage);
            silo.UseReminderTable(_ => stores.ReminderTable);
            if (clusterSecret is not null)
            {
                silo.Options.SiloName = "silo-" + (_hosts.Count + 1);
                silo.Options.SiloPort = FreePort.Next();
                silo.Options.ClusterSecret = clusterSecret;
                silo.UseCluster(_ => new ClusterStores(stores.MembershipTable, stores.GrainDirectory));
            }
        });
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
    }

    private T Own<T>(T resource) where T : IAsyncDisposable
    {
        _resources.Add(resource);
        return resource;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync();
            host.Dispose();
        }
        foreach (var resource in Enumerable.Reverse(_resources))
        {
            await resource.DisposeAsync();
        }
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        _directory.Delete(recursive: true);
    }
}
