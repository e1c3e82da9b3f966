using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Actors.Runtime.Messaging;

/// <summary>
/// One authenticated TCP connection to a peer silo. Writers queue messages into a channel; one loop
/// serializes them and flushes once per batch, so many small calls share a few syscalls.
/// </summary>
internal sealed class SiloConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly Channel<Message> _outbound = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _closed = new();
    private readonly Func<Message, SiloConnection, ValueTask> _onMessage;
    private readonly Action<SiloConnection, Exception?> _onClosed;
    private Task? _writer;
    private Task? _reader;
    private int _closedFlag;

    public SiloConnection(Socket socket, NetworkStream stream, SiloAddress peer, Func<Message, SiloConnection, ValueTask> onMessage, Action<SiloConnection, Exception?> onClosed)
    {
        _socket = socket;
        _stream = stream;
        Peer = peer;
        _onMessage = onMessage;
        _onClosed = onClosed;
    }

    public SiloAddress Peer { get; }

    public bool IsClosed => Volatile.Read(ref _closedFlag) != 0;

    public void Start()
    {
        _writer = Task.Run(WriteLoopAsync);
        _reader = Task.Run(ReadLoopAsync);
    }

    public bool TrySend(Message message) => !IsClosed && _outbound.Writer.TryWrite(message);

    private async Task WriteLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            while (await _outbound.Reader.WaitToReadAsync(_closed.Token))
            {
                while (buffer.WrittenCount < 256 * 1024 && _outbound.Reader.TryRead(out var message))
                {
                    MessageCodec.Write(buffer, message);
                }
                await _stream.WriteAsync(buffer.WrittenMemory, _closed.Token);
                buffer.ResetWrittenCount();
            }
        }
        catch (Exception exception)
        {
            Close(exception);
        }
    }

    private async Task ReadLoopAsync()
    {
        var prefix = new byte[MessageCodec.PrefixLength];
        try
        {
            while (!_closed.IsCancellationRequested)
            {
                await _stream.ReadExactlyAsync(prefix, _closed.Token);
                var (headerLength, bodyLength) = MessageCodec.ReadPrefix(prefix);
                var header = ArrayPool<byte>.Shared.Rent(headerLength);
                var body = bodyLength == 0 ? [] : new byte[bodyLength];
                try
                {
                    await _stream.ReadExactlyAsync(header.AsMemory(0, headerLength), _closed.Token);
                    await _stream.ReadExactlyAsync(body, _closed.Token);
                    var message = MessageCodec.DecodeHeader(header.AsSpan(0, headerLength), body);
                    await _onMessage(message, this);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(header);
                }
            }
        }
        catch (Exception exception)
        {
            Close(exception);
        }
    }

    public void Close(Exception? reason)
    {
        if (Interlocked.Exchange(ref _closedFlag, 1) != 0)
        {
            return;
        }
        _outbound.Writer.TryComplete();
        _closed.Cancel();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already gone; closing is all that is left.
        }
        _socket.Close();
        _onClosed(this, reason is OperationCanceledException ? null : reason);
    }

    public async ValueTask DisposeAsync()
    {
        Close(null);
        foreach (var task in new[] { _writer, _reader })
        {
            if (task is not null)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        await _stream.DisposeAsync();
        _closed.Dispose();
    }
}
