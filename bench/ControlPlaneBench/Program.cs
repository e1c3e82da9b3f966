using System.Diagnostics;
using Actors.ApiBench;
using Actors.ControlPlaneBench;
using Actors.Grains.Abstractions.Objects;

// Control-plane benchmark with hollow nodes: SQLite with one silo, or PostgreSQL with two silos in this process.
// Usage: ControlPlaneBench [--postgres CONNECTION] [NODES DEPLOYMENTS REPLICAS]   (default 100 10 100; env ACTORS_BENCH_POSTGRES)
var arguments = BenchArguments.Parse(args, Environment.GetEnvironmentVariable(BenchArguments.PostgresVariable));
var loadBefore = LoadAverage();
await using var cluster = arguments.Postgres is { } postgres
    ? await BenchCluster.StartPostgresAsync(postgres, silos: 2)
    : await BenchCluster.StartSqliteAsync();
var entrances = cluster.Entrances;
var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16 };

var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
var workingSetBefore = Environment.WorkingSet;
var setup = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, arguments.Nodes), parallel, async (i, _) =>
    await entrances[i % entrances.Count].GetGrain<INodeGrain>($"node-{i}").CreateAsync(BenchObjects.HollowNode($"node-{i}").ToJsonString()));
var nodesRegistered = setup.Elapsed;

var revisionBefore = await cluster.Store.CurrentRevisionAsync();
var clock = new Stopwatch();
var progress = new PodProgress(arguments.Pods, clock);
using var stopWatching = new CancellationTokenSource();
var watching = progress.FollowAsync(cluster.Store, revisionBefore, stopWatching.Token);
var createCalls = new double[arguments.Deployments];
clock.Start();
await Parallel.ForEachAsync(Enumerable.Range(0, arguments.Deployments), parallel, async (i, _) =>
{
    var started = Stopwatch.GetTimestamp();
    await entrances[i % entrances.Count].GetGrain<IDeploymentGrain>($"{BenchObjects.Namespace}/app-{i}")
        .CreateAsync(BenchObjects.Deployment($"app-{i}", arguments.Replicas).ToJsonString());
    createCalls[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
});
var deploymentsCreated = clock.Elapsed;

await Task.WhenAny(progress.AllRunning, Task.Delay(TimeSpan.FromMinutes(10)));
var revisions = await cluster.Store.CurrentRevisionAsync() - revisionBefore;
var placement = cluster.Placement();
await stopWatching.CancelAsync();
await watching;
var stages = Stage.Of(progress.Pods);
progress = null;

var heapBytes = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
var workingSetBytes = Environment.WorkingSet - workingSetBefore;
Report.Print(new BenchResult(arguments, cluster.Description, nodesRegistered, deploymentsCreated, Percentiles.Of(createCalls), stages,
    revisions, placement, heapBytes, workingSetBytes, loadBefore, LoadAverage()));

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
