using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Controllers.Nodes;
using Actors.Grains.Store;
using Actors.Runtime.Hosting;
using Actors.Runtime.Sql;
using Actors.Storage;
using Actors.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Tests.ControlPlane;

/// <summary>
/// Two control-plane silos in this process on one PostgreSQL database, each with its own object store, as two
/// `actors server` processes would be: services created at the same time through both never share a
/// clusterIP or nodePort, because one allocator grain serves the whole cluster.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class ServiceAllocationClusterTests : IAsyncLifetime
{
    private readonly List<(IHost Host, ObjectStore Store)> _silos = [];
    private TestPostgres _postgres = null!;
    private Database _database = null!;
    private SqlStores _stores = null!;

    public async ValueTask InitializeAsync()
    {
        _postgres = await TestPostgres.CreateAsync();
        _database = Database.ForPostgres(_postgres.ConnectionString);
        _stores = await SqlStores.CreateAsync(_database, "actors", CancellationToken.None);
        for (var i = 1; i <= 2; i++)
        {
            _silos.Add(await StartSiloAsync($"silo-{i}"));
        }
        await Eventually.WaitAsync("both silos to see each other",
            () => _silos.All(s => s.Host.Services.GetRequiredService<Silo>().Membership!.Snapshot.Active.Count() == 2), TimeSpan.FromSeconds(20));
    }

    private async Task<(IHost, ObjectStore)> StartSiloAsync(string name)
    {
        var store = await ObjectStore.OpenAsync(_database);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddControlPlane(store, NodeLifecycleOptions.TestProfile());
        builder.Services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(Actors.Grains.ControlPlane).Assembly);
            silo.Options.SiloName = name;
            silo.Options.SiloPort = FreePort.Next();
            silo.Options.ClusterSecret = "service-allocation-cluster-secret";
            silo.Options.Membership = MembershipOptions.TestProfile();
            silo.Options.ResponseTimeout = TimeSpan.FromSeconds(20);
            silo.UseGrainStorage(_ => _stores.GrainStorage);
            silo.UseReminderTable(_ => _stores.ReminderTable);
            silo.UseCluster(_ => new ClusterStores(_stores.MembershipTable, _stores.GrainDirectory));
        });
        var host = builder.Build();
        await host.StartAsync();
        return (host, store);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (host, store) in _silos)
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            host.Dispose();
            await store.DisposeAsync();
        }
        await _database.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    private Task<ObjectWriteResult> CreateAsync(int silo, string name, string spec) =>
        _silos[silo].Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IServiceGrain>($"default/{name}").CreateAsync(new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["spec"] = JsonNode.Parse(spec),
        }.ToJsonString());

    [Fact]
    public async Task ConcurrentCreatesThroughTwoSilos_NeverShareAClusterIPOrNodePort()
    {
        const int Services = 40;
        var results = await Task.WhenAll(Enumerable.Range(0, Services).Select(i =>
            Task.Run(() => CreateAsync(i % 2, $"svc-{i}", """{"type":"NodePort","ports":[{"port":80}]}"""))));

        Assert.All(results, r => Assert.True(r.Status == ObjectWriteStatus.Created, $"{r.Status}: {r.Message}"));
        var stored = (await _silos[0].Store.ListAsync("Service", "default", cancellationToken: TestContext.Current.CancellationToken)).Items;
        Assert.Equal(Services, stored.Count);
        Assert.Equal(Services, stored.Select(s => (string?)s["spec"]!["clusterIP"]).Distinct().Count());
        Assert.Equal(Services, stored.Select(s => (int?)s["spec"]!["ports"]![0]!["nodePort"]).Distinct().Count());
        var management = _silos[0].Host.Services.GetRequiredService<Runtime.Management.IManagementService>();
        var hosts = new HashSet<string>();
        for (var i = 0; i < Services; i++)
        {
            var activation = await management.FindActivationAsync(new GrainId("service", $"default/svc-{i}"), TestContext.Current.CancellationToken);
            hosts.Add(activation!.Silo);
        }
        Assert.True(hosts.Count == 2, "the service grains all ran on one silo; the test would prove nothing");

        // The same explicit nodePort asked for through both silos at once: exactly one gets it.
        var contested = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => CreateAsync(i % 2, $"contested-{i}", """{"type":"NodePort","ports":[{"port":80,"nodePort":32000}]}"""))));
        Assert.Single(contested, r => r.Status == ObjectWriteStatus.Created);
        Assert.All(contested.Where(r => r.Status != ObjectWriteStatus.Created), r =>
            Assert.Contains(r.Causes!, c => c.Field == "spec.ports[0].nodePort" && c.Message.EndsWith("provided port is already allocated", StringComparison.Ordinal)));
    }
}
