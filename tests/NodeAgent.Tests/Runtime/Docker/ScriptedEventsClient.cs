using System.Runtime.CompilerServices;
using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Tests.Runtime.Docker;

/// <summary>
/// An engine that only has events: each open of the event stream takes the next scripted answer — unavailable, or
/// a stream of events that then breaks or stays open — and records the <c>since</c> it was asked for.
/// </summary>
internal sealed class ScriptedEventsClient(params ScriptedEventsClient.Answer[] script) : IDockerClient
{
    private int _opens;

    /// <summary>Events to deliver, then either a broken connection or a stream that stays open until cancelled.</summary>
    public sealed record Answer(IReadOnlyList<DockerEvent>? Events, bool BreaksAfter = true);

    public List<DateTimeOffset?> Sinces { get; } = [];

    public Task<DockerResult<DockerStream<DockerEvent>>> MonitorEventsAsync(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        lock (Sinces)
        {
            Sinces.Add(since);
        }
        var answer = script[Math.Min(Interlocked.Increment(ref _opens), script.Length) - 1];
        if (answer.Events is null)
        {
            return Task.FromResult(DockerResult<DockerStream<DockerEvent>>.Failure(DockerResultKind.EngineUnavailable, "scripted: engine down"));
        }
        var stream = new DockerStream<DockerEvent>(new HttpResponseMessage(), new MemoryStream(), (_, token) => Play(answer, token), cancellationToken);
        return Task.FromResult(DockerResult<DockerStream<DockerEvent>>.Success(stream));
    }

    private static async IAsyncEnumerable<DockerEvent> Play(Answer answer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var e in answer.Events!)
        {
            yield return e;
        }
        if (answer.BreaksAfter)
        {
            throw new IOException("scripted: connection reset");
        }
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    public Task<DockerResult<DockerInfo>> InfoAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DockerResult<NetworkDetails>> InspectNetworkAsync(string network, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DockerResult<IReadOnlyList<ImageSummary>>> ListImagesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DockerResult<ImageDetails>> InspectImageAsync(string image, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DockerResult> PullImageAsync(string image, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DockerResult<string>> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<DockerResult> StartContainerAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DockerResult> StopContainerAsync(string id, TimeSpan timeout, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DockerResult> KillContainerAsync(string id, string signal = "KILL", CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<DockerResult> RemoveContainerAsync(string id, bool force, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DockerResult<ContainerDetails>> InspectContainerAsync(string id, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<DockerResult<ContainerStats>> GetStatsAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DockerResult<IReadOnlyList<ContainerSummary>>> ListContainersAsync(
        bool all, IReadOnlyList<string>? labelFilters = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DockerResult<IReadOnlyList<ContainerSummary>>> ListContainersAsync(
        bool all, IReadOnlyList<string> labelFilters, string namePattern, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DockerResult> RenameContainerAsync(string id, string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DockerResult<DockerStream<LogLine>>> GetLogsAsync(
        string id, bool follow = false, int? tail = null, DateTimeOffset? since = null, bool timestamps = false, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<DockerResult<ExecResult>> ExecAsync(string id, IReadOnlyList<string> cmd, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<DockerResult<OpenedExec>> OpenExecAsync(string id, IReadOnlyList<string> cmd, bool stdin, bool tty, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<DockerResult<HijackedConnection>> AttachAsync(string id, bool stdin, bool tty, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<DockerResult> ResizeContainerAsync(string id, int width, int height, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<DockerResult> ResizeExecAsync(string execId, int width, int height, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<DockerResult<int>> ExecExitCodeAsync(string execId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
