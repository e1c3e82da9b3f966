using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Hollow;

/// <summary>
/// A simulated container engine (kubemark's hollow node): pods and containers exist only in memory, a started
/// container turns Running after the node's start delay, nothing exits by itself. Only this interface is simulated;
/// the agent that drives it is the real one.
/// </summary>
public sealed class HollowContainerRuntime(TimeSpan startDelay, TimeProvider time) : IContainerRuntime
{
    private static int _nextAddress;

    private readonly ConcurrentDictionary<string, HollowPod> _pods = new();

    public Task<RuntimeInfo> InfoAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new RuntimeInfo("hollow://1.0", 0, 0, "Hollow Node", "", "amd64"));

    public Task<IReadOnlyList<RuntimePod>> ListPodsAsync(CancellationToken cancellationToken)
    {
        return Task.FromResult<IReadOnlyList<RuntimePod>>(_pods.Values.Select(p => p.Snapshot()).ToList());
    }

    public Task<RuntimeResult<SandboxInfo>> RunPodSandboxAsync(PodSandboxConfig pod, CancellationToken cancellationToken)
    {
        var sandbox = _pods.GetOrAdd(pod.Uid, uid => new HollowPod(uid, pod.Namespace, pod.Name, NextAddress()));
        return Task.FromResult(RuntimeResult<SandboxInfo>.Success(new SandboxInfo(sandbox.SandboxId, sandbox.PodIP)));
    }

    public async Task<RuntimeResult<string>> StartContainerAsync(PodSandboxConfig pod, ContainerLaunch container, CancellationToken cancellationToken)
    {
        if (!_pods.TryGetValue(pod.Uid, out var sandbox))
        {
            return RuntimeResult<string>.Failed(RuntimeFailure.NotFound, $"no sandbox for pod {pod.Uid}");
        }
        // A start takes the node's start delay, as an engine's create and start would.
        await Task.Delay(startDelay, time, cancellationToken);
        return RuntimeResult<string>.Success(sandbox.Add(container, time.GetUtcNow()));
    }

    public Task<RuntimeResult> StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken) =>
        Task.FromResult(_pods.Values.Any(p => p.Stop(containerId, time.GetUtcNow())) ? RuntimeResult.Ok : new RuntimeResult(RuntimeFailure.NotFound));

    public Task<RuntimeResult> RemoveContainerAsync(string containerId, CancellationToken cancellationToken) =>
        Task.FromResult(_pods.Values.Any(p => p.Remove(containerId)) ? RuntimeResult.Ok : new RuntimeResult(RuntimeFailure.NotFound));

    public Task<RuntimeResult> RemovePodAsync(string podUid, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        _pods.TryRemove(podUid, out _);
        return Task.FromResult(RuntimeResult.Ok);
    }

    /// <summary>A simulated container uses nothing.</summary>
    public Task<RuntimeResult<ContainerUsage>> GetUsageAsync(string containerId, CancellationToken cancellationToken) =>
        Task.FromResult(RuntimeResult<ContainerUsage>.Success(new ContainerUsage(0, 0, time.GetUtcNow(), TimeSpan.Zero)));

    public Task<NodeUsage> GetNodeUsageAsync(CancellationToken cancellationToken) => Task.FromResult(NodeUsage.Idle(time.GetUtcNow()));

    public Task<RuntimeResult<ExecOutcome>> ExecAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.FromResult(RuntimeResult<ExecOutcome>.Success(new ExecOutcome(0, "", TimedOut: false)));

    /// <summary>Hollow containers have no processes to run a command beside.</summary>
    public Task<RuntimeResult<IContainerStream>> OpenExecAsync(string containerId, IReadOnlyList<string> command, bool stdin, bool tty, CancellationToken cancellationToken) =>
        Task.FromResult(RuntimeResult<IContainerStream>.Failed(RuntimeFailure.EngineError, "hollow nodes simulate containers; there is no process to exec in"));

    public Task<RuntimeResult<IAsyncEnumerable<string>>> LogsAsync(string containerId, ContainerLogQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(_pods.Values.Any(p => p.Has(containerId))
            ? RuntimeResult<IAsyncEnumerable<string>>.Success(OneLine($"hollow container {containerId} is running"))
            : RuntimeResult<IAsyncEnumerable<string>>.Failed(RuntimeFailure.NotFound, $"container {containerId} not found"));

    /// <summary>Hollow containers never change by themselves: nothing to report.</summary>
    public async IAsyncEnumerable<PodContainerChange> WatchPodChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        yield break;
    }

    /// <summary>Unique within this process; hollow IPs route nowhere, they only fill in status and Endpoints.</summary>
    private static string NextAddress()
    {
        var n = Interlocked.Increment(ref _nextAddress);
        return $"10.{244 + ((n >> 16) & 7)}.{(n >> 8) & 255}.{n & 255}";
    }

    private static async IAsyncEnumerable<string> OneLine(string line)
    {
        await Task.CompletedTask;
        yield return line;
    }
}
