using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Actors.Gateway.Spdy;

/// <summary>
/// The server side of one SPDY/3.1 connection as Kubernetes' clients use it: the client opens every stream (named
/// by its headers); the server accepts each at once, reads its data and writes back on it. Pings are answered.
/// Flow control is not enforced in either direction, as the Go streams kubectl uses do not send window updates.
/// </summary>
internal sealed class SpdySession : IAsyncDisposable
{
    private readonly SpdyFramer _framer;
    private readonly Channel<SpdyStream> _opened = Channel.CreateUnbounded<SpdyStream>();
    private readonly ConcurrentDictionary<int, SpdyStream> _streams = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _reading;
    private int _lastStreamId;

    public SpdySession(Stream connection)
    {
        _framer = new SpdyFramer(connection);
        _reading = Task.Run(() => ReadLoopAsync(_closing.Token));
    }

    /// <summary>The streams the client opens, in order; the reader completes when the connection ends.</summary>
    public ChannelReader<SpdyStream> Opened => _opened.Reader;

    /// <summary>Cancelled when the connection ends or the session is disposed.</summary>
    public CancellationToken Closing => _closing.Token;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _framer.WriteGoAwayAsync(_lastStreamId, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or TimeoutException or OperationCanceledException)
        {
            // The client is gone already.
        }
        await _closing.CancelAsync();
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _framer.Dispose();
        _closing.Dispose();
    }

    internal Task WriteAsync(int streamId, ReadOnlyMemory<byte> data, bool fin) => _framer.WriteDataAsync(streamId, data, fin, _closing.Token);

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _framer.ReadAsync(cancellationToken) is { } frame)
            {
                await HandleAsync(frame, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended or broke: every stream ends with it.
        }
        finally
        {
            foreach (var stream in _streams.Values)
            {
                stream.Received.Writer.TryComplete();
            }
            _opened.Writer.TryComplete();
            if (!_closing.IsCancellationRequested)
            {
                await _closing.CancelAsync();
            }
        }
    }

    private async Task HandleAsync(SpdyFrame frame, CancellationToken cancellationToken)
    {
        switch (frame.Type)
        {
            case SpdyFrameType.SynStream when frame.Headers is null:
                throw new InvalidDataException("a SPDY stream's headers could not be read");
            case SpdyFrameType.SynStream:
                var stream = new SpdyStream(this, frame.StreamId, frame.Headers);
                _streams[frame.StreamId] = stream;
                _lastStreamId = Math.Max(_lastStreamId, frame.StreamId);
                await _framer.WriteSynReplyAsync(frame.StreamId, cancellationToken);
                if (frame.IsFin)
                {
                    stream.Received.Writer.TryComplete();
                }
                await _opened.Writer.WriteAsync(stream, cancellationToken);
                break;
            case SpdyFrameType.Data when _streams.TryGetValue(frame.StreamId, out var target):
                if (frame.Data.Length > 0)
                {
                    await target.Received.Writer.WriteAsync(frame.Data, cancellationToken);
                }
                if (frame.IsFin)
                {
                    target.Received.Writer.TryComplete();
                }
                break;
            case SpdyFrameType.RstStream when _streams.TryRemove(frame.StreamId, out var reset):
                reset.Received.Writer.TryComplete();
                break;
            case SpdyFrameType.Ping:
                await _framer.WritePingAsync(frame.StreamId, cancellationToken);
                break;
            case SpdyFrameType.GoAway:
                throw new OperationCanceledException("the client said goodbye");
        }
    }
}
