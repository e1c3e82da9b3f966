using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Actors.Grains.Abstractions.Objects;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent.Streams;

/// <summary>
/// A TCP connection to a pod's port as a stream session (<c>kubectl port-forward</c>): what the pod sends is output
/// on the stdout channel, input is sent to it, closing the input half-closes the connection.
/// </summary>
internal sealed class PortStream(TcpClient client) : IContainerStream
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly NetworkStream _network = client.GetStream();

    /// <summary>The connection, or why there is none (refused, unreachable, no answer in time).</summary>
    public static async Task<(PortStream? Stream, string? Error)> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var client = new TcpClient(endpoint.AddressFamily) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ConnectTimeout);
        try
        {
            await client.ConnectAsync(endpoint, deadline.Token);
            return (new PortStream(client), null);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            client.Dispose();
            return (null, exception is SocketException socket ? $"failed to connect to {endpoint}: {socket.Message}" : $"no answer from {endpoint} within {ConnectTimeout.TotalSeconds:0} s");
        }
    }

    public async IAsyncEnumerable<StreamChunk> ReadOutputAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await _network.ReadAsync(buffer, cancellationToken);
            }
            catch (IOException)
            {
                yield break;
            }
            if (read == 0)
            {
                yield break;
            }
            yield return new StreamChunk(StreamChunk.Stdout, buffer[..read]);
        }
    }

    public async ValueTask WriteInputAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        try
        {
            await _network.WriteAsync(input, cancellationToken);
        }
        catch (IOException)
        {
            // The pod closed the connection: its end shows on the output side.
        }
    }

    public void CloseInput()
    {
        try
        {
            client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
    }

    public Task<RuntimeResult> ResizeAsync(int width, int height, CancellationToken cancellationToken) => Task.FromResult(RuntimeResult.Ok);

    public Task<RuntimeResult<int>> ExitCodeAsync(CancellationToken cancellationToken) => Task.FromResult(RuntimeResult<int>.Success(0));

    public async ValueTask DisposeAsync()
    {
        await _network.DisposeAsync();
        client.Dispose();
    }
}
