namespace Actors.NodeAgent.Docker;

/// <summary>
/// The container engine as the node agent sees it. Every engine answer is a value: a missing container is
/// NotFound, a name in use is Conflict, an absent socket is EngineUnavailable. Only the caller's own cancellation
/// throws.
/// </summary>
public interface IDockerClient
{
    Task<DockerResult<DockerInfo>> InfoAsync(CancellationToken cancellationToken = default);

    Task<DockerResult<IReadOnlyList<ImageSummary>>> ListImagesAsync(CancellationToken cancellationToken = default);

    /// <summary>NotFound when the engine has no image by that name or ID.</summary>
    Task<DockerResult<ImageDetails>> InspectImageAsync(string image, CancellationToken cancellationToken = default);

    /// <summary>Pulls an image; an unreachable registry or unknown image is an Error value with the engine's message.</summary>
    Task<DockerResult> PullImageAsync(string image, CancellationToken cancellationToken = default);

    /// <summary>Creates a container and returns its ID; a name already in use is a Conflict.</summary>
    Task<DockerResult<string>> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken = default);

    /// <summary>Starts a container; one already running is success.</summary>
    Task<DockerResult> StartContainerAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Renames a container (a pool sandbox claimed by a pod); a name already in use is a Conflict.</summary>
    Task<DockerResult> RenameContainerAsync(string id, string name, CancellationToken cancellationToken = default);

    /// <summary>Sends SIGTERM, then SIGKILL after <paramref name="timeout"/>; one already stopped is success.</summary>
    Task<DockerResult> StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Sends a signal (e.g. <c>KILL</c>, <c>TERM</c>); a container not running is a Conflict.</summary>
    Task<DockerResult> KillContainerAsync(string id, string signal = "KILL", CancellationToken cancellationToken = default);

    /// <summary>Removes a container and its anonymous volumes; <paramref name="force"/> kills a running one first.</summary>
    Task<DockerResult> RemoveContainerAsync(string id, bool force, CancellationToken cancellationToken = default);

    Task<DockerResult<ContainerDetails>> InspectContainerAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A container's CPU and memory use; the engine takes about a second to sample its CPU twice.</summary>
    Task<DockerResult<ContainerStats>> GetStatsAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists containers, running only unless <paramref name="all"/>; each label filter is <c>key</c> (has the label)
    /// or <c>key=value</c>, and a container must match all of them.
    /// </summary>
    Task<DockerResult<IReadOnlyList<ContainerSummary>>> ListContainersAsync(
        bool all, IReadOnlyList<string>? labelFilters = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="ListContainersAsync(bool, IReadOnlyList{string}?, CancellationToken)"/> of the containers whose
    /// name (with its leading slash) also matches <paramref name="namePattern"/>, a regular expression.
    /// </summary>
    Task<DockerResult<IReadOnlyList<ContainerSummary>>> ListContainersAsync(
        bool all, IReadOnlyList<string> labelFilters, string namePattern, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a container's log stream: the last <paramref name="tail"/> lines (all when null), since a time when
    /// given, and with <paramref name="follow"/> the lines to come until the container stops or the stream is
    /// cancelled. Stdout and stderr are told apart for containers without a TTY.
    /// </summary>
    Task<DockerResult<DockerStream<LogLine>>> GetLogsAsync(
        string id,
        bool follow = false,
        int? tail = null,
        DateTimeOffset? since = null,
        bool timestamps = false,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the engine's event stream. Filters are the engine's: <c>type</c> → <c>container</c>, <c>event</c> →
    /// <c>start</c>/<c>die</c>/…, <c>label</c> → <c>key=value</c>, <c>container</c> → id or name. When the returned
    /// task completes the watch is armed: every later event that matches is delivered.
    /// </summary>
    Task<DockerResult<DockerStream<DockerEvent>>> MonitorEventsAsync(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null,
        DateTimeOffset? since = null,
        CancellationToken cancellationToken = default);

    /// <summary>NotFound when the engine has no network by that name or ID (the service proxy needs the bridge's gateway).</summary>
    Task<DockerResult<NetworkDetails>> InspectNetworkAsync(string network, CancellationToken cancellationToken = default);

    /// <summary>Runs a command in a running container and waits up to <paramref name="timeout"/> for it (exec probes).</summary>
    Task<DockerResult<ExecResult>> ExecAsync(
        string id, IReadOnlyList<string> cmd, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Starts a command in a running container with its streams kept open (<c>kubectl exec</c>); the caller disposes the connection.</summary>
    Task<DockerResult<OpenedExec>> OpenExecAsync(string id, IReadOnlyList<string> cmd, bool stdin, bool tty, CancellationToken cancellationToken = default);

    /// <summary>Joins a running container's own stdio (<c>kubectl attach</c>); <paramref name="tty"/> must be the container's.</summary>
    Task<DockerResult<HijackedConnection>> AttachAsync(string id, bool stdin, bool tty, CancellationToken cancellationToken = default);

    /// <summary>Tells a container's TTY its new size.</summary>
    Task<DockerResult> ResizeContainerAsync(string id, int width, int height, CancellationToken cancellationToken = default);

    /// <summary>Tells an exec's TTY its new size.</summary>
    Task<DockerResult> ResizeExecAsync(string execId, int width, int height, CancellationToken cancellationToken = default);

    /// <summary>The exit code of an exec whose output has ended.</summary>
    Task<DockerResult<int>> ExecExitCodeAsync(string execId, CancellationToken cancellationToken = default);
}
