using Actors.Concurrency;

namespace Actors.Grains.Abstractions.Objects;

/// <summary>
/// The node agent of one node (the kubelet's role), keyed by the node name: it runs the pods bound to its node
/// on a container runtime and reports their status and the node's heartbeat. Get it through
/// <see cref="IDockerNodeAgentGrain"/> or <see cref="IHollowNodeAgentGrain"/>.
/// </summary>
public interface INodeAgentGrain : IGrainWithStringKey
{
    /// <summary>A pod bound to this node changed (bound, spec, deletion asked): sync it now, not at the next resync.</summary>
    [OneWay]
    Task PodChangedAsync(string podKey);

    /// <summary>Activates the agent if it is not running. One-way: the caller (its Node grain) is what the agent heartbeats to.</summary>
    [OneWay]
    Task WakeAsync();

    /// <summary>The agent's own background work on one pod finished (with the containers that would not start).</summary>
    [OneWay]
    Task PodWorkDoneAsync(string podUid, PodStartFailure[] failures);

    /// <summary>
    /// The engine says a pod's containers changed: sync it now. <paramref name="startedContainerId"/> names the
    /// container when the change is a start, which the agent may already have seen.
    /// </summary>
    [OneWay]
    Task EngineEventAsync(string podUid, string? startedContainerId);

    /// <summary>A probe of a running container flipped (kind: startup, liveness or readiness).</summary>
    [OneWay]
    Task ProbeChangedAsync(string podUid, string containerId, string kind, bool passing);

    /// <summary>A container's log as text lines, as the pod log endpoint asks (previous: the attempt before the current one).</summary>
    Task<PodLogResult> GetLogsAsync(PodLogRequest request);

    /// <summary>
    /// The node's and its running pods' CPU and memory use, measured now over about a second (the metrics API).
    /// Interleaved: the measuring waits without holding up the agent's pod work.
    /// </summary>
    [AlwaysInterleave]
    Task<NodeUsageReport> GetUsageAsync();

    /// <summary>Starts a command in one of the node's pods with its streams kept open (<c>kubectl exec</c>), or joins a container's own process (<c>kubectl attach</c>).</summary>
    Task<StreamOpenResult> OpenExecAsync(PodExecRequest request);

    /// <summary>
    /// Connects to a port of one of the node's pods (<c>kubectl port-forward</c>): the session's input goes to the
    /// connection, its output is what comes back (on the stdout channel), and it ends when the connection does.
    /// </summary>
    Task<StreamOpenResult> OpenPortForwardAsync(PodPortForwardRequest request);

    /// <summary>A container's log followed as it grows (<c>kubectl logs -f</c>); the stream ends when the container does.</summary>
    Task<StreamOpenResult> OpenLogStreamAsync(PodLogRequest request);

    /// <summary>
    /// The session's output since the last read; waits a few seconds for some when there is none yet. Interleaved:
    /// a session's reads wait without holding up the agent's pod work.
    /// </summary>
    [AlwaysInterleave]
    Task<StreamOutput> ReadStreamAsync(string sessionId);

    /// <summary>Passes stdin, its end or a terminal resize to the session's process.</summary>
    [AlwaysInterleave]
    Task SendStreamInputAsync(string sessionId, StreamInput input);

    /// <summary>The client is gone: the session's connection to the engine is closed.</summary>
    [AlwaysInterleave]
    Task EndStreamAsync(string sessionId);
}
