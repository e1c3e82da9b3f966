using Actors.Grains.Abstractions.Objects;

namespace Actors.NodeAgent.Runtime;

/// <summary>A command running in a container with its streams open (<c>kubectl exec</c>); disposing closes them.</summary>
public interface IExecStream : IAsyncDisposable
{
    /// <summary>The process's output as it comes; ends when the process ends.</summary>
    IAsyncEnumerable<ExecChunk> ReadOutputAsync(CancellationToken cancellationToken);

    ValueTask WriteInputAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken);

    void CloseInput();

    Task<RuntimeResult> ResizeAsync(int width, int height, CancellationToken cancellationToken);

    /// <summary>Asked once the output has ended.</summary>
    Task<RuntimeResult<int>> ExitCodeAsync(CancellationToken cancellationToken);
}
