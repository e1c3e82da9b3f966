using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;
using Actors.Grains.Controllers.Nodes;
using Actors.NodeAgent.Agent;
using Actors.Grains.Store;
using Actors.Runtime.Hosting;
using Actors.Runtime.Reminders;
using Actors.Runtime.Sql;
using Actors.Storage;
using Actors.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Tests.ControlPlane;

/// <summary>One control-plane silo in this process on an SQLite file: the resource grains, the object store and hollow nodes.</summary>
public sealed class ControlPlaneHost : IAsyncDisposable
{
    private readonly Database _database;
    private readonly SqlStores _stores;
    private readonly ObjectStore _store;
    private readonly TempDirectory _directory;
    private readonly IReminderTable _reminders;
    private IHost _host;

    private ControlPlaneHost(IHost host, Database database, SqlStores stores, ObjectStore store, TempDirectory directory, IReminderTable reminders)
    {
        _host = host;
        _database = database;
        _stores = stores;
        _store = store;
        _directory = directory;
        _reminders = reminders;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IObjectStore Store => _store;

    /// <param name="reminders">Wraps the reminder table, for a test that makes it fail.</param>
    public static async Task<ControlPlaneHost> StartAsync(Func<IReminderTable, IReminderTable>? reminders = null)
    {
        var directory = new TempDirectory();
        var database = Database.ForSqliteFile(Path.Combine(directory.Path, "actors.db"));
        var stores = await SqlStores.CreateAsync(database, "actors", CancellationToken.None);
        var store = await ObjectStore.OpenAsync(database);
        var reminderTable = reminders?.Invoke(stores.ReminderTable) ?? stores.ReminderTable;
        return new ControlPlaneHost(await StartHostAsync(reminderTable, stores, store, directory), database, stores, store, directory, reminderTable);
    }

    /// <summary>Stops the silo and starts a new one on the same database: every grain activates afresh from the store.</summary>
    public async Task RestartAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _host = await StartHostAsync(_reminders, _stores, _store, _directory);
    }

    private static async Task<IHost> StartHostAsync(IReminderTable reminders, SqlStores stores, ObjectStore store, TempDirectory directory)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddControlPlane(store, NodeLifecycleOptions.TestProfile());
        builder.Services.AddSingleton(NodeAgentOptions.TestProfile(Path.Combine(directory.Path, "volumes")));
        builder.Services.AddSilo(silo =>
        {
            silo.AddGrains(typeof(Actors.Grains.ControlPlane).Assembly);
            silo.AddGrains(typeof(NodeAgentGrain).Assembly);
            silo.UseGrainStorage(_ => stores.GrainStorage);
            silo.UseReminderTable(_ => reminders);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async Task AddHollowNodeAsync(string name, string cpu = "4", string memory = "8Gi", IReadOnlyDictionary<string, string>? labels = null)
    {
        var nodeLabels = new JsonObject { ["actors.io/hollow"] = "true", ["kubernetes.io/hostname"] = name };
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            nodeLabels[key] = value;
        }
        var node = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = nodeLabels },
            ["status"] = new JsonObject
            {
                ["allocatable"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = "110" },
                ["capacity"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = "110" },
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
            },
        };
        var result = await Grains.GetGrain<INodeGrain>(name).CreateAsync(node.ToJsonString());
        Assert.Equal(ObjectWriteStatus.Created, result.Status);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _store.DisposeAsync();
        await _database.DisposeAsync();
        _directory.Dispose();
    }
}
