using System.Runtime.CompilerServices;
using System.Text;
using Actors.Grains.Abstractions.Objects;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent.Streams;

/// <summary>A followed container log as a stream session's output: each line as it is written, nothing to send it.</summary>
internal sealed class LogLineStream(IAsyncEnumerable<string> lines) : IContainerStream
{
    public async IAsyncEnumerable<StreamChunk> ReadOutputAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            yield return new StreamChunk(StreamChunk.Stdout, Encoding.UTF8.GetBytes(line + "\n"));
        }
    }

    public ValueTask WriteInputAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void CloseInput()
    {
    }

    public Task<RuntimeResult> ResizeAsync(int width, int height, CancellationToken cancellationToken) => Task.FromResult(RuntimeResult.Ok);

    public Task<RuntimeResult<int>> ExitCodeAsync(CancellationToken cancellationToken) => Task.FromResult(RuntimeResult<int>.Success(0));

    /// <summary>The engine's log stream closes when the pump's enumeration is cancelled, which disposing the session does first.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
