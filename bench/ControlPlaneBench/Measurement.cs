using System.Diagnostics;
using Actors.ApiBench;
using Actors.Grains.Abstractions.Objects;

namespace Actors.ControlPlaneBench;

/// <summary>
/// One run: registers the hollow nodes, creates the Deployments through every silo in turn, follows the pods by
/// the store's watch until all are Running, then weighs what stayed in memory.
/// </summary>
internal static class Measurement
{
    private static readonly ParallelOptions Parallel16 = new() { MaxDegreeOfParallelism = 16 };

    public static async Task<BenchResult> RunAsync(BenchCluster cluster, BenchArguments arguments, string loadBefore)
    {
        var entrances = cluster.Entrances;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Environment.WorkingSet;
        var setup = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, arguments.Nodes), Parallel16, async (i, _) =>
            await entrances[i % entrances.Count].GetGrain<INodeGrain>($"node-{i}").CreateAsync(BenchObjects.HollowNode($"node-{i}").ToJsonString()));
        var nodesRegistered = setup.Elapsed;

        var revisionBefore = await cluster.Store.CurrentRevisionAsync();
        var clock = new Stopwatch();
        var progress = new PodProgress(arguments.Pods, clock);
        using var stopWatching = new CancellationTokenSource();
        var watching = progress.FollowAsync(cluster.Store, revisionBefore, stopWatching.Token);
        var createCalls = new double[arguments.Deployments];
        clock.Start();
        await Parallel.ForEachAsync(Enumerable.Range(0, arguments.Deployments), Parallel16, async (i, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            await entrances[i % entrances.Count].GetGrain<IDeploymentGrain>($"{BenchObjects.Namespace}/app-{i}")
                .CreateAsync(BenchObjects.Deployment($"app-{i}", arguments.Replicas).ToJsonString());
            createCalls[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        });
        var deploymentsCreated = clock.Elapsed;

        await Task.WhenAny(progress.AllRunning, Task.Delay(TimeSpan.FromMinutes(10)));
        var revisions = await cluster.Store.CurrentRevisionAsync() - revisionBefore;
        await stopWatching.CancelAsync();
        await watching;
        var stages = Stage.Of(progress.Pods);
        var placement = cluster.Placement();

        // The progress record is garbage by now: what stays is the cluster's grains and state.
        var heapBytes = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        var workingSetBytes = Environment.WorkingSet - workingSetBefore;
        return new BenchResult(arguments, cluster.Description, nodesRegistered, deploymentsCreated, Percentiles.Of(createCalls), stages,
            revisions, placement, heapBytes, workingSetBytes, loadBefore, Load.Average());
    }
}
