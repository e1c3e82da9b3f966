using Actors.Grains.Abstractions.Objects;

namespace Actors.NodeAgent.Runtime;

/// <summary>
/// A live stream of a container: an exec'd or attached process with its stdin open (<c>kubectl exec</c>,
/// <c>attach</c>), or a followed log; disposing closes it.
/// </summary>
public interface IContainerStream : IAsyncDisposable
{
    /// <summary>The output as it comes; ends when the process (or the container, for a log) ends.</summary>
    IAsyncEnumerable<StreamChunk> ReadOutputAsync(CancellationToken cancellationToken);

    ValueTask WriteInputAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken);

    void CloseInput();

    Task<RuntimeResult> ResizeAsync(int width, int height, CancellationToken cancellationToken);

    /// <summary>Asked once the output has ended.</summary>
    Task<RuntimeResult<int>> ExitCodeAsync(CancellationToken cancellationToken);
}
