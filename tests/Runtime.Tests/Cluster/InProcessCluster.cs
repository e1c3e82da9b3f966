using Actors.ClusterTestGrains;
using Actors.Runtime.Hosting;
using Actors.Runtime.Sql;
using Actors.Runtime.Tests.TestGrains;
using Actors.Storage;
using Actors.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Tests.Cluster;

/// <summary>
/// Several silos in this test process, each with its own transport on loopback and the membership protocol
/// on one PostgreSQL database: for scenarios that need to reach inside a silo (cut its network, observe its
/// death callback) where separate processes cannot be reached.
/// </summary>
public sealed class InProcessCluster : IAsyncDisposable
{
    private readonly TestPostgres _postgres;
    private readonly Database _database;
    private readonly SqlStores _stores;

    private InProcessCluster(TestPostgres postgres, Database database, SqlStores stores, TcpProxy? proxy)
    {
        _postgres = postgres;
        _database = database;
        _stores = stores;
        DatabaseProxy = proxy;
    }

    /// <summary>When asked for, the silos reach PostgreSQL through this proxy, so a test can cut them off.</summary>
    public TcpProxy? DatabaseProxy { get; }

    public List<IHost> Hosts { get; } = [];

    public List<string> DeclaredDead { get; } = [];

    public SqlStores Stores => _stores;

    public static async Task<InProcessCluster> StartAsync(int silos, bool throughProxy = false)
    {
        var postgres = await TestPostgres.CreateAsync();
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString);
        TcpProxy? proxy = null;
        if (throughProxy)
        {
            proxy = new TcpProxy(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(connection.Host!), connection.Port));
            connection.Port = proxy.Port;
            connection.Timeout = 3;
            connection.CommandTimeout = 3;
        }
        var database = Database.ForPostgres(connection.ConnectionString);
        var stores = await SqlStores.CreateAsync(database, "actors", CancellationToken.None);
        var cluster = new InProcessCluster(postgres, database, stores, proxy);
        for (var i = 0; i < silos; i++)
        {
            await cluster.AddSiloAsync();
        }
        await Eventually.WaitAsync($"every silo to see {silos} active silos",
            () => cluster.Hosts.All(h => SiloOf(h).Membership!.Snapshot.Active.Count() == silos), TimeSpan.FromSeconds(10));
        return cluster;
    }

    public async Task<IHost> AddSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(ClusterCounterGrain).Assembly);
            silo.AddGrains(typeof(CounterGrain).Assembly);
            silo.Options.SiloName = "silo-" + (Hosts.Count + 1);
            silo.Options.SiloPort = FreePort.Next();
            silo.Options.ClusterSecret = "in-process-cluster-secret";
            silo.Options.Membership = Hosting.MembershipOptions.TestProfile();
            silo.Options.ResponseTimeout = TimeSpan.FromSeconds(10);
            silo.UseGrainStorage(_ => _stores.GrainStorage);
            silo.UseReminderTable(_ => _stores.ReminderTable);
            silo.UseCluster(_ => new ClusterStores(_stores.MembershipTable, _stores.GrainDirectory));
        });
        var host = builder.Build();
        var silo = host.Services.GetRequiredService<Silo>();
        // In a real process this is FailFast; here the test records it and the silo stops serving.
        silo.Membership!.OnDeclaredDead = reason =>
        {
            lock (DeclaredDead)
            {
                DeclaredDead.Add(silo.Address.ToParsableString());
            }
        };
        await host.StartAsync();
        Hosts.Add(host);
        return host;
    }

    public static Silo SiloOf(IHost host) => host.Services.GetRequiredService<Silo>();

    public static IGrainFactory FactoryOf(IHost host) => host.Services.GetRequiredService<IGrainFactory>();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts)
        {
            try
            {
                await host.StopAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception)
            {
                // A silo cut off by the test may fail to leave cleanly; the database is dropped anyway.
            }
            host.Dispose();
        }
        await _database.DisposeAsync();
        if (DatabaseProxy is not null)
        {
            await DatabaseProxy.DisposeAsync();
        }
        await _postgres.DisposeAsync();
    }
}
