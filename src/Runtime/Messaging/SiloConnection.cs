using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Actors.Runtime.Messaging;

/// <summary>
/// One authenticated TCP connection to another silo. Senders enqueue into an unbounded channel; a single writer
/// loop serializes whatever is queued and flushes once per batch, so many small messages share one syscall.
/// A single reader loop parses frames and hands each message to the <see cref="SiloMessageCenter"/>.
/// </summary>
internal sealed class SiloConnection
{
    /// <summary>Flush early when this much is buffered, to bound memory under a burst.</summary>
    private const int FlushThreshold = 256 * 1024;

    private readonly SiloMessageCenter _center;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly Channel<Message> _outbox = Channel.CreateUnbounded<Message>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly ConcurrentDictionary<long, ResponseSink> _inbound = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly SiloAddressCache _addressCache = new();
    private int _closed;

    public SiloConnection(SiloMessageCenter center, Socket socket, NetworkStream stream, SiloAddress remoteSilo, bool isOutbound)
    {
        _center = center;
        _socket = socket;
        _stream = stream;
        RemoteSilo = remoteSilo;
        IsOutbound = isOutbound;
        _input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 4096));
        _output = PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024));
    }

    public SiloAddress RemoteSilo { get; }

    public bool IsOutbound { get; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public void Start()
    {
        _ = Task.Run(RunWriterAsync);
        _ = Task.Run(RunReaderAsync);
    }

    /// <summary>Queues a message; false if the connection is closed (the message was not sent).</summary>
    public bool TrySend(Message message) => !IsClosed && _outbox.Writer.TryWrite(message);

    public void RegisterInbound(ResponseSink sink) => _inbound[sink.Request.Id] = sink;

    public void CompleteInbound(long id, ResponseSink sink) => _inbound.TryRemove(new KeyValuePair<long, ResponseSink>(id, sink));

    public void CancelInbound(long id)
    {
        if (_inbound.TryRemove(id, out var sink))
        {
            sink.Cancel();
        }
    }

    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }
        _outbox.Writer.TryComplete();
        _closing.Cancel();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer.
        }
        catch (ObjectDisposedException)
        {
            // Already disposed.
        }
        _socket.Dispose();
        foreach (var sink in _inbound.Values)
        {
            sink.Cancel();
        }
        _inbound.Clear();
        _center.OnConnectionClosed(this, reason);
    }

    private async Task RunWriterAsync()
    {
        var reason = "writer finished";
        try
        {
            var reader = _outbox.Reader;
            while (await reader.WaitToReadAsync(_closing.Token))
            {
                var count = 0;
                long bytes = 0;
                while (reader.TryRead(out var message))
                {
                    try
                    {
                        bytes += MessageCodec.Write(_output, message);
                        count++;
                    }
                    catch (MessageCodecException exception)
                    {
                        _center.OnUnsendable(this, message, exception);
                    }
                    if (_output.UnflushedBytes > FlushThreshold)
                    {
                        await _output.FlushAsync(_closing.Token);
                    }
                }
                var flushed = await _output.FlushAsync(_closing.Token);
                MessagingInstruments.MessagesSent.Add(count);
                MessagingInstruments.BytesSent.Add(bytes);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    reason = "the peer stopped reading";
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = "closed";
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            reason = $"write failed: {exception.Message}";
        }
        Close(reason);
    }

    private async Task RunReaderAsync()
    {
        var reason = "the peer closed the connection";
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync(_closing.Token);
                var buffer = result.Buffer;
                var before = buffer.Length;
                var count = 0;
                try
                {
                    while (MessageCodec.TryReadFrame(ref buffer, out var message, _addressCache))
                    {
                        count++;
                        _center.OnMessageReceived(this, message);
                    }
                }
                catch (MessageCodecException exception)
                {
                    reason = $"malformed frame: {exception.Message}";
                    break;
                }
                MessagingInstruments.MessagesReceived.Add(count);
                MessagingInstruments.BytesReceived.Add(before - buffer.Length);
                _input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = "closed";
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            reason = $"read failed: {exception.Message}";
        }
        Close(reason);
    }
}
