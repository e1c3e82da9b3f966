using System.Net.Sockets;

namespace Actors.NodeAgent.Docker;

/// <summary>
/// An engine connection handed over to a process's streams (exec or attach): what is written goes to its stdin,
/// what is read is its output (one raw stream with a TTY, else stdout and stderr frames). It ends with the process.
/// </summary>
public sealed class HijackedConnection(bool tty, Socket socket, Stream stream) : IAsyncDisposable
{
    public bool Tty => tty;

    public IAsyncEnumerable<LogFrame> ReadOutputAsync(CancellationToken cancellationToken) => tty
        ? MultiplexedStreamReader.ReadRawAsync(stream, cancellationToken)
        : MultiplexedStreamReader.ReadFramesAsync(stream, cancellationToken);

    public ValueTask WriteInputAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken) => stream.WriteAsync(input, cancellationToken);

    /// <summary>Ends the process's stdin (the engine closes it when the connection's sending side shuts).</summary>
    public void CloseInput()
    {
        if (socket.Connected)
        {
            socket.Shutdown(SocketShutdown.Send);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        socket.Dispose();
    }
}
