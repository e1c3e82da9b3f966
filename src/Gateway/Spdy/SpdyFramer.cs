using System.Buffers.Binary;

namespace Actors.Gateway.Spdy;

/// <summary>
/// Reads and writes SPDY/3 frames on a connection: an 8-byte header (a control bit, version 3 and type, or a stream
/// id; flags; a 24-bit length), then the payload. Header blocks go through the session's
/// <see cref="SpdyHeaderCompression"/>, in frame order, as the compression state demands. Writes are serialised.
/// </summary>
internal sealed class SpdyFramer(Stream connection) : IDisposable
{
    /// <summary>Larger frames are refused: kubectl's are a few KiB, and a length is untrusted input.</summary>
    public const int MaxFrameLength = 1 << 20;

    private const ushort Version = 3;

    private readonly SpdyHeaderCompression _compression = new();
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>The next frame; null at the end of the connection. A malformed frame throws <see cref="InvalidDataException"/>.</summary>
    public async Task<SpdyFrame?> ReadAsync(CancellationToken cancellationToken)
    {
        var header = new byte[8];
        if (!await ReadExactlyAsync(header, cancellationToken))
        {
            return null;
        }
        var length = (header[5] << 16) | (header[6] << 8) | header[7];
        if (length > MaxFrameLength)
        {
            throw new InvalidDataException($"a SPDY frame of {length} bytes is larger than {MaxFrameLength}");
        }
        var payload = new byte[length];
        if (!await ReadExactlyAsync(payload, cancellationToken))
        {
            return null;
        }
        var flags = header[4];
        if ((header[0] & 0x80) == 0)
        {
            return new SpdyFrame(SpdyFrameType.Data, StreamIdAt(header), flags, null, payload);
        }
        var type = (SpdyFrameType)BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
        return type switch
        {
            SpdyFrameType.SynStream when length >= 10 => new SpdyFrame(type, StreamIdAt(payload), flags, _compression.Inflate(payload.AsSpan(10)), []),
            SpdyFrameType.Headers or SpdyFrameType.SynReply when length >= 4 => new SpdyFrame(type, StreamIdAt(payload), flags, _compression.Inflate(payload.AsSpan(4)), []),
            SpdyFrameType.RstStream or SpdyFrameType.WindowUpdate when length >= 4 => new SpdyFrame(type, StreamIdAt(payload), flags, null, []),
            SpdyFrameType.Ping when length >= 4 => new SpdyFrame(type, BinaryPrimitives.ReadInt32BigEndian(payload), flags, null, []),
            SpdyFrameType.SynStream or SpdyFrameType.SynReply or SpdyFrameType.Headers or SpdyFrameType.RstStream or SpdyFrameType.WindowUpdate or SpdyFrameType.Ping =>
                throw new InvalidDataException($"a SPDY {type} frame of {length} bytes is too short"),
            _ => new SpdyFrame(type, 0, flags, null, payload),
        };
    }

    /// <summary>Accepts a stream the client opened; compressed under the write lock, as blocks must go out in compression order.</summary>
    public async Task WriteSynReplyAsync(int streamId, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var headers = _compression.Deflate([]);
            var payload = new byte[4 + headers.Length];
            BinaryPrimitives.WriteInt32BigEndian(payload, streamId);
            headers.CopyTo(payload, 4);
            await WriteUnlockedAsync(ControlFrame(SpdyFrameType.SynReply, 0, payload), cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Data on a stream; <paramref name="fin"/> ends this side of it.</summary>
    public Task WriteDataAsync(int streamId, ReadOnlyMemory<byte> data, bool fin, CancellationToken cancellationToken)
    {
        var frame = new byte[8 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, streamId & int.MaxValue);
        frame[4] = fin ? SpdyFrame.Fin : (byte)0;
        WriteLength(frame, data.Length);
        data.Span.CopyTo(frame.AsSpan(8));
        return WriteAsync(frame, cancellationToken);
    }

    public Task WritePingAsync(int id, CancellationToken cancellationToken)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(payload, id);
        return WriteControlAsync(SpdyFrameType.Ping, 0, payload, cancellationToken);
    }

    /// <summary>Resets a stream (status 1: PROTOCOL_ERROR, 3: REFUSED_STREAM, 5: CANCEL).</summary>
    public Task WriteResetAsync(int streamId, int status, CancellationToken cancellationToken)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(payload, streamId);
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(4), status);
        return WriteControlAsync(SpdyFrameType.RstStream, 0, payload, cancellationToken);
    }

    public Task WriteGoAwayAsync(int lastStreamId, CancellationToken cancellationToken)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(payload, lastStreamId);
        return WriteControlAsync(SpdyFrameType.GoAway, 0, payload, cancellationToken);
    }

    public void Dispose()
    {
        _compression.Dispose();
        _writing.Dispose();
    }

    private Task WriteControlAsync(SpdyFrameType type, byte flags, byte[] payload, CancellationToken cancellationToken) =>
        WriteAsync(ControlFrame(type, flags, payload), cancellationToken);

    private static byte[] ControlFrame(SpdyFrameType type, byte flags, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, 0x8000 | Version);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)type);
        frame[4] = flags;
        WriteLength(frame, payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    private async Task WriteAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await WriteUnlockedAsync(frame, cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>A connection that closed reads as an <see cref="IOException"/>, whatever carries it (a WebSocket tunnel says so otherwise).</summary>
    private async Task WriteUnlockedAsync(byte[] frame, CancellationToken cancellationToken)
    {
        try
        {
            await connection.WriteAsync(frame, cancellationToken);
            await connection.FlushAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NotSupportedException or System.Net.WebSockets.WebSocketException)
        {
            throw new IOException("the connection is closed", exception);
        }
    }

    private static void WriteLength(byte[] frame, int length)
    {
        frame[5] = (byte)(length >> 16);
        frame[6] = (byte)(length >> 8);
        frame[7] = (byte)length;
    }

    private static int StreamIdAt(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt32BigEndian(bytes) & int.MaxValue;

    private async Task<bool> ReadExactlyAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            var read = await connection.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return read == buffer.Length;
        }
        catch (System.Net.WebSockets.WebSocketException exception)
        {
            throw new IOException("the connection broke", exception);
        }
    }
}
