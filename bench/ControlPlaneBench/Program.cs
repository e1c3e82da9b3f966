using System.Diagnostics;
using System.Text.Json.Nodes;
using Actors;
using Actors.Grains;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Controllers.Nodes;
using Actors.NodeAgent.Agent;
using Actors.Grains.Store;
using Actors.Runtime.Hosting;
using Actors.Runtime.Sql;
using Actors.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Control-plane benchmark: one silo on SQLite (fsync on), hollow nodes, Deployments of hollow pods.
// Usage: ControlPlaneBench NODES DEPLOYMENTS REPLICAS   (default 100 10 100)
var nodes = args.Length > 0 ? int.Parse(args[0]) : 100;
var deployments = args.Length > 1 ? int.Parse(args[1]) : 10;
var replicas = args.Length > 2 ? int.Parse(args[2]) : 100;
var pods = deployments * replicas;

var directory = Directory.CreateTempSubdirectory("actors-bench-");
await using var database = Database.ForSqliteFile(Path.Combine(directory.FullName, "actors.db"));
var stores = await SqlStores.CreateAsync(database, "bench", CancellationToken.None);
await using var store = await ObjectStore.OpenAsync(database);
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddControlPlane(store, new NodeLifecycleOptions());
builder.Services.AddSingleton(new NodeAgentOptions { VolumeRoot = Path.Combine(directory.FullName, "volumes") });
builder.Services.AddSilo(silo =>
{
    silo.AddGrains(typeof(ControlPlane).Assembly);
    silo.AddGrains(typeof(NodeAgentGrain).Assembly);
    silo.UseGrainStorage(_ => stores.GrainStorage);
    silo.UseReminderTable(_ => stores.ReminderTable);
});
using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();

var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
var total = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, nodes), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
{
    var node = new JsonObject
    {
        ["metadata"] = new JsonObject { ["name"] = $"node-{i}", ["labels"] = new JsonObject { ["actors.io/hollow"] = "true" } },
        ["status"] = new JsonObject
        {
            ["allocatable"] = new JsonObject { ["cpu"] = "64", ["memory"] = "256Gi", ["pods"] = "110" },
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        },
    };
    await grains.GetGrain<INodeGrain>($"node-{i}").CreateAsync(node.ToJsonString());
});
var nodesReady = total.Elapsed;

var writesBefore = await store.CurrentRevisionAsync();
var created = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, deployments), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
{
    var deployment = new JsonObject
    {
        ["metadata"] = new JsonObject { ["name"] = $"app-{i}", ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = $"app-{i}" } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = $"app-{i}" } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "busybox:1" }) },
            },
        },
    };
    await grains.GetGrain<IDeploymentGrain>($"default/app-{i}").CreateAsync(deployment.ToJsonString());
});
var deploymentsCreated = created.Elapsed;

// Progress from the store's change feed: when each pod was created, bound and reported Running.
var allPodsCreated = TimeSpan.Zero;
var allBound = TimeSpan.Zero;
var allRunning = TimeSpan.Zero;
while (created.Elapsed < TimeSpan.FromMinutes(10))
{
    var items = (await store.ListAsync("Pod", "default")).Items;
    var bound = items.Count(p => p["spec"]?["nodeName"] is not null);
    var running = items.Count(p => (string?)p["status"]?["phase"] == "Running");
    if (allPodsCreated == TimeSpan.Zero && items.Count >= pods)
    {
        allPodsCreated = created.Elapsed;
    }
    if (allBound == TimeSpan.Zero && bound >= pods)
    {
        allBound = created.Elapsed;
    }
    if (running >= pods)
    {
        allRunning = created.Elapsed;
        break;
    }
    await Task.Delay(200);
}
var writes = await store.CurrentRevisionAsync() - writesBefore;
var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

Console.WriteLine($"control plane, one silo, SQLite (fsync on): {nodes:N0} hollow nodes, {deployments} Deployments x {replicas} replicas = {pods:N0} pods");
Console.WriteLine($"nodes registered:           {nodesReady.TotalSeconds,8:F1} s");
Console.WriteLine($"deployments created:        {deploymentsCreated.TotalSeconds,8:F1} s");
Console.WriteLine($"all pods created:           {allPodsCreated.TotalSeconds,8:F1} s after the first deployment");
Console.WriteLine($"all pods bound:             {allBound.TotalSeconds,8:F1} s  ({pods / Math.Max(allBound.TotalSeconds, 0.001),8:N0} pods bound/s)");
Console.WriteLine($"all pods Running:           {(allRunning == TimeSpan.Zero ? "not within 10 min" : $"{allRunning.TotalSeconds,8:F1} s")}");
Console.WriteLine($"objects written:            {writes / Math.Max(allRunning.TotalSeconds, 0.001),8:N0} writes/s ({writes:N0} revisions)");
Console.WriteLine($"memory per active pod:      {(memoryAfter - memoryBefore) / (double)pods,8:N0} bytes (grains and state of all objects, divided by pods)");
await host.StopAsync();
directory.Delete(recursive: true);
