using System.Diagnostics;
using Actors.Grains.Abstractions.Store;

namespace Actors.ControlPlaneBench;

/// <summary>When one pod was first seen created, bound to a node and Running, on the benchmark's clock.</summary>
internal sealed class PodTimes
{
    public TimeSpan Created { get; set; }

    public TimeSpan? Bound { get; set; }

    public TimeSpan? Running { get; set; }
}

/// <summary>
/// Follows the pods through the store's watch (one change feed, no listing of every pod) and records when each
/// was created (ADDED), bound (spec.nodeName first set) and Running (status.phase first seen Running).
/// </summary>
internal sealed class PodProgress(int expected, Stopwatch clock)
{
    private readonly Dictionary<string, PodTimes> _pods = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _allRunning = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;

    public IReadOnlyCollection<PodTimes> Pods => _pods.Values;

    /// <summary>Completes when <c>expected</c> pods have been seen Running.</summary>
    public Task AllRunning => _allRunning.Task;

    public async Task FollowAsync(IObjectStore store, long fromRevision, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in store.WatchAsync("Pod", BenchObjects.Namespace, fromRevision, cancellationToken))
            {
                Observe(change, clock.Elapsed);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public void Observe(WatchEvent change, TimeSpan at)
    {
        if (change.Type == WatchEventType.Deleted)
        {
            return;
        }
        var name = (string)change.Object["metadata"]!["name"]!;
        if (!_pods.TryGetValue(name, out var pod))
        {
            pod = new PodTimes { Created = at };
            _pods.Add(name, pod);
        }
        if (pod.Bound is null && !string.IsNullOrEmpty((string?)change.Object["spec"]?["nodeName"]))
        {
            pod.Bound = at;
        }
        if (pod.Running is null && (string?)change.Object["status"]?["phase"] == "Running")
        {
            pod.Running = at;
            if (++_running == expected)
            {
                _allRunning.TrySetResult();
            }
        }
    }
}
