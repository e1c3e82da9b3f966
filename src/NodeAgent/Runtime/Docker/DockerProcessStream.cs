using System.Runtime.CompilerServices;
using Actors.Grains.Abstractions.Objects;
using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// A process's streams on the Docker engine: an exec's (resized and asked for its exit code as an exec) or, with no
/// exec id, a container's own process joined by attach (resized as the container).
/// </summary>
internal sealed class DockerProcessStream(IDockerClient docker, HijackedConnection connection, string containerId, string? execId) : IContainerStream
{
    public async IAsyncEnumerable<StreamChunk> ReadOutputAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var frame in connection.ReadOutputAsync(cancellationToken))
        {
            yield return new StreamChunk(frame.Stream == LogStream.Stderr ? StreamChunk.Stderr : StreamChunk.Stdout, frame.Payload);
        }
    }

    public ValueTask WriteInputAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken) => connection.WriteInputAsync(input, cancellationToken);

    public void CloseInput() => connection.CloseInput();

    public async Task<RuntimeResult> ResizeAsync(int width, int height, CancellationToken cancellationToken) =>
        RuntimeFailures.ToResult(
            execId is null
                ? await docker.ResizeContainerAsync(containerId, width, height, cancellationToken)
                : await docker.ResizeExecAsync(execId, width, height, cancellationToken),
            RuntimeFailure.EngineError);

    /// <summary>An attach ends without an exit code of its own (the kubelet's reports none either): the pod's status tells how the process ended.</summary>
    public async Task<RuntimeResult<int>> ExitCodeAsync(CancellationToken cancellationToken)
    {
        if (execId is null)
        {
            return RuntimeResult<int>.Success(0);
        }
        var exitCode = await docker.ExecExitCodeAsync(execId, cancellationToken);
        return exitCode.IsOk
            ? RuntimeResult<int>.Success(exitCode.Value)
            : RuntimeFailures.Failed<int>(exitCode.Kind, exitCode.Message, RuntimeFailure.EngineError);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
