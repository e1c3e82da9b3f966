using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Tests.Runtime.Docker;

/// <summary>The real engine client, counting the pulls asked of it, so a test can prove a local image is never pulled.</summary>
internal sealed class CountingDockerClient(IDockerClient inner) : IDockerClient
{
    private int _pulls;

    public int Pulls => Volatile.Read(ref _pulls);

    public Task<DockerResult> PullImageAsync(string image, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _pulls);
        return inner.PullImageAsync(image, cancellationToken);
    }

    public Task<DockerResult<DockerInfo>> InfoAsync(CancellationToken cancellationToken = default) => inner.InfoAsync(cancellationToken);

    public Task<DockerResult<IReadOnlyList<ImageSummary>>> ListImagesAsync(CancellationToken cancellationToken = default) =>
        inner.ListImagesAsync(cancellationToken);

    public Task<DockerResult<ImageDetails>> InspectImageAsync(string image, CancellationToken cancellationToken = default) =>
        inner.InspectImageAsync(image, cancellationToken);

    public Task<DockerResult<string>> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken = default) =>
        inner.CreateContainerAsync(request, cancellationToken);

    public Task<DockerResult> StartContainerAsync(string id, CancellationToken cancellationToken = default) =>
        inner.StartContainerAsync(id, cancellationToken);

    public Task<DockerResult> StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        inner.StopContainerAsync(id, timeout, cancellationToken);

    public Task<DockerResult> KillContainerAsync(string id, string signal = "KILL", CancellationToken cancellationToken = default) =>
        inner.KillContainerAsync(id, signal, cancellationToken);

    public Task<DockerResult> RemoveContainerAsync(string id, bool force, CancellationToken cancellationToken = default) =>
        inner.RemoveContainerAsync(id, force, cancellationToken);

    public Task<DockerResult<ContainerDetails>> InspectContainerAsync(string id, CancellationToken cancellationToken = default) =>
        inner.InspectContainerAsync(id, cancellationToken);

    public Task<DockerResult<ContainerStats>> GetStatsAsync(string id, CancellationToken cancellationToken = default) =>
        inner.GetStatsAsync(id, cancellationToken);

    public Task<DockerResult<IReadOnlyList<ContainerSummary>>> ListContainersAsync(
        bool all, IReadOnlyList<string>? labelFilters = null, CancellationToken cancellationToken = default) =>
        inner.ListContainersAsync(all, labelFilters, cancellationToken);

    public Task<DockerResult<IReadOnlyList<ContainerSummary>>> ListContainersAsync(
        bool all, IReadOnlyList<string> labelFilters, string namePattern, CancellationToken cancellationToken = default) =>
        inner.ListContainersAsync(all, labelFilters, namePattern, cancellationToken);

    public Task<DockerResult> RenameContainerAsync(string id, string name, CancellationToken cancellationToken = default) =>
        inner.RenameContainerAsync(id, name, cancellationToken);

    public Task<DockerResult<DockerStream<LogLine>>> GetLogsAsync(
        string id, bool follow = false, int? tail = null, DateTimeOffset? since = null, bool timestamps = false, CancellationToken cancellationToken = default) =>
        inner.GetLogsAsync(id, follow, tail, since, timestamps, cancellationToken);

    public Task<DockerResult<DockerStream<DockerEvent>>> MonitorEventsAsync(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null, DateTimeOffset? since = null, CancellationToken cancellationToken = default) =>
        inner.MonitorEventsAsync(filters, since, cancellationToken);

    public Task<DockerResult<NetworkDetails>> InspectNetworkAsync(string network, CancellationToken cancellationToken = default) =>
        inner.InspectNetworkAsync(network, cancellationToken);

    public Task<DockerResult<ExecResult>> ExecAsync(string id, IReadOnlyList<string> cmd, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        inner.ExecAsync(id, cmd, timeout, cancellationToken);

    public Task<DockerResult<OpenedExec>> OpenExecAsync(string id, IReadOnlyList<string> cmd, bool stdin, bool tty, CancellationToken cancellationToken = default) =>
        inner.OpenExecAsync(id, cmd, stdin, tty, cancellationToken);

    public Task<DockerResult<HijackedConnection>> AttachAsync(string id, bool stdin, bool tty, CancellationToken cancellationToken = default) =>
        inner.AttachAsync(id, stdin, tty, cancellationToken);

    public Task<DockerResult> ResizeContainerAsync(string id, int width, int height, CancellationToken cancellationToken = default) =>
        inner.ResizeContainerAsync(id, width, height, cancellationToken);

    public Task<DockerResult> ResizeExecAsync(string execId, int width, int height, CancellationToken cancellationToken = default) =>
        inner.ResizeExecAsync(execId, width, height, cancellationToken);

    public Task<DockerResult<int>> ExecExitCodeAsync(string execId, CancellationToken cancellationToken = default) =>
        inner.ExecExitCodeAsync(execId, cancellationToken);
}
