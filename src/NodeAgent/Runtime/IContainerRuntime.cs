namespace Actors.NodeAgent.Runtime;

/// <summary>
/// What the node agent needs from a container engine, in pods rather than containers (the shape of
/// Kubernetes' CRI). The agent decides; the runtime only carries out. Two implementations: the Docker engine
/// and the hollow (simulated) runtime, so the agent's reconcile, status and heartbeat code is the same for both.
/// Engine failures are values; only the caller's cancellation throws.
/// </summary>
public interface IContainerRuntime
{
    /// <summary>The engine's name and version for the Node's nodeInfo (e.g. <c>docker://20.10.24</c>).</summary>
    Task<RuntimeInfo> InfoAsync(CancellationToken cancellationToken);

    /// <summary>Every pod this node's agent owns on the engine, rebuilt from labels (after a restart too).</summary>
    Task<IReadOnlyList<RuntimePod>> ListPodsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="ListPodsAsync"/> as a value: an unreachable engine is <see cref="RuntimeFailure.EngineUnavailable"/>
    /// rather than an empty list the agent could mistake for "no pods".
    /// </summary>
    async Task<RuntimeResult<IReadOnlyList<RuntimePod>>> TryListPodsAsync(CancellationToken cancellationToken) =>
        RuntimeResult<IReadOnlyList<RuntimePod>>.Success(await ListPodsAsync(cancellationToken));

    /// <summary>One pod as the engine holds it (null: nothing of it is there), for a sync of that pod alone.</summary>
    async Task<RuntimeResult<RuntimePod?>> TryGetPodAsync(string podUid, CancellationToken cancellationToken)
    {
        var pods = await TryListPodsAsync(cancellationToken);
        return pods.IsOk
            ? RuntimeResult<RuntimePod?>.Success(pods.Value!.FirstOrDefault(p => p.Uid == podUid))
            : RuntimeResult<RuntimePod?>.Failed(pods.Failure, pods.Message ?? "");
    }

    /// <summary><see cref="InfoAsync"/> as a value: an unreachable engine is a failure rather than zero capacity.</summary>
    async Task<RuntimeResult<RuntimeInfo>> TryInfoAsync(CancellationToken cancellationToken) =>
        RuntimeResult<RuntimeInfo>.Success(await InfoAsync(cancellationToken));

    /// <summary>Creates and starts the pod's sandbox (its network namespace, its IP); idempotent for a running one.</summary>
    Task<RuntimeResult<SandboxInfo>> RunPodSandboxAsync(PodSandboxConfig pod, CancellationToken cancellationToken);

    /// <summary>The warm sandbox pool's configured size and how many are warm now, for the node's status.</summary>
    SandboxPoolStatus SandboxPool => SandboxPoolStatus.Off;

    /// <summary>
    /// Brings the warm sandbox pool to its size, off any pod's start path: it stops early while pod starts are in
    /// flight and is asked again when the node is idle. Also removes pool leftovers of an earlier run beyond the size.
    /// </summary>
    Task RefillSandboxPoolAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Removes every warm (unclaimed) pool sandbox, when the node shuts down.</summary>
    Task RemoveSandboxPoolAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates and starts one container in the pod's sandbox; a missing image is <see cref="RuntimeFailure.ImageNotPresent"/>.</summary>
    Task<RuntimeResult<string>> StartContainerAsync(PodSandboxConfig pod, ContainerLaunch container, CancellationToken cancellationToken);

    /// <summary>Stops one container: TERM, then KILL after the grace period.</summary>
    Task<RuntimeResult> StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken);

    /// <summary>Removes an exited container (an older attempt no longer needed for logs).</summary>
    Task<RuntimeResult> RemoveContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Stops all of a pod's containers (TERM, then KILL after the grace period), then its sandbox, and removes them all.</summary>
    Task<RuntimeResult> RemovePodAsync(string podUid, TimeSpan gracePeriod, CancellationToken cancellationToken);

    /// <summary>Runs a command in a running container (exec probes).</summary>
    Task<RuntimeResult<ExecOutcome>> ExecAsync(string containerId, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a command in a running container with its streams kept open (<c>kubectl exec</c>); with no command,
    /// joins the container's own process instead (<c>kubectl attach</c>, with the container's own TTY setting).
    /// </summary>
    Task<RuntimeResult<IContainerStream>> OpenExecAsync(string containerId, IReadOnlyList<string> command, bool stdin, bool tty, CancellationToken cancellationToken);

    /// <summary>A running container's CPU rate and memory working set over a recent window (<c>kubectl top pod</c>).</summary>
    Task<RuntimeResult<ContainerUsage>> GetUsageAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>The node's own CPU rate and memory in use over a recent window (<c>kubectl top node</c>).</summary>
    Task<NodeUsage> GetNodeUsageAsync(CancellationToken cancellationToken);

    /// <summary>A container's log lines, as the pod log endpoint asks for them.</summary>
    Task<RuntimeResult<IAsyncEnumerable<string>>> LogsAsync(string containerId, ContainerLogQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Each start, death or removal of a pod's container, as the engine reports it; the agent reconciles that pod at
    /// once instead of waiting for its timer. Ends when cancelled.
    /// </summary>
    IAsyncEnumerable<PodContainerChange> WatchPodChangesAsync(CancellationToken cancellationToken);
}
