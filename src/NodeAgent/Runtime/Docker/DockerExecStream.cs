using System.Runtime.CompilerServices;
using Actors.Grains.Abstractions.Objects;
using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>An exec on the Docker engine: its hijacked connection for the streams, the API for resize and exit code.</summary>
internal sealed class DockerExecStream(IDockerClient docker, ExecConnection connection) : IExecStream
{
    public async IAsyncEnumerable<ExecChunk> ReadOutputAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var frame in connection.ReadOutputAsync(cancellationToken))
        {
            yield return new ExecChunk(frame.Stream == LogStream.Stderr ? ExecChunk.Stderr : ExecChunk.Stdout, frame.Payload);
        }
    }

    public ValueTask WriteInputAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken) => connection.WriteInputAsync(input, cancellationToken);

    public void CloseInput() => connection.CloseInput();

    public async Task<RuntimeResult> ResizeAsync(int width, int height, CancellationToken cancellationToken) =>
        RuntimeFailures.ToResult(await docker.ResizeExecAsync(connection.ExecId, width, height, cancellationToken), RuntimeFailure.EngineError);

    public async Task<RuntimeResult<int>> ExitCodeAsync(CancellationToken cancellationToken)
    {
        var exitCode = await docker.ExecExitCodeAsync(connection.ExecId, cancellationToken);
        return exitCode.IsOk
            ? RuntimeResult<int>.Success(exitCode.Value)
            : RuntimeFailures.Failed<int>(exitCode.Kind, exitCode.Message, RuntimeFailure.EngineError);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
