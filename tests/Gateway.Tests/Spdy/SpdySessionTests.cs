using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Actors.Gateway.Spdy;

namespace Actors.Gateway.Tests.Spdy;

/// <summary>The server side of SPDY over a real loopback connection, with the client's frames written byte by byte.</summary>
[Trait("Category", "Unit")]
public sealed class SpdySessionTests : IAsyncDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private readonly SpdyHeaderCompression _clientCompression = new();
    private NetworkStream _client = null!;
    private NetworkStream _server = null!;

    [Fact]
    public async Task Streams_the_client_opens_are_accepted_read_and_answered()
    {
        await ConnectAsync();
        await using var session = new SpdySession(_server);
        using var reader = new SpdyFramer(_client);

        await WriteSynStreamAsync(1, ("streamtype", "error"));
        await WriteSynStreamAsync(3, ("streamtype", "stdout"), ("Port", "8080"));
        await WriteDataAsync(3, "to the server"u8.ToArray(), fin: true);
        await WritePingAsync(7);

        var error = await session.Opened.ReadAsync(Ct);
        var stdout = await session.Opened.ReadAsync(Ct);
        Assert.Equal((1, "error"), (error.Id, error.Header("streamtype")));
        Assert.Equal((3, "stdout", "8080"), (stdout.Id, stdout.Header("streamtype"), stdout.Header("port")));
        Assert.Equal("to the server"u8.ToArray(), await stdout.Reader.ReadAsync(Ct));
        await stdout.Reader.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var replies = new List<SpdyFrame>();
        for (var i = 0; i < 3; i++)
        {
            replies.Add((await reader.ReadAsync(Ct))!);
        }
        Assert.Equal([(SpdyFrameType.SynReply, 1), (SpdyFrameType.SynReply, 3), (SpdyFrameType.Ping, 7)], replies.Select(f => (f.Type, f.StreamId)));
        Assert.All(replies.Take(2), r => Assert.Empty(r.Headers!));

        await stdout.WriteAsync("to the client"u8.ToArray());
        await stdout.CloseAsync();
        var data = (await reader.ReadAsync(Ct))!;
        var end = (await reader.ReadAsync(Ct))!;
        Assert.Equal((SpdyFrameType.Data, 3, false, "to the client"), (data.Type, data.StreamId, data.IsFin, System.Text.Encoding.UTF8.GetString(data.Data)));
        Assert.Equal((SpdyFrameType.Data, 3, true, 0), (end.Type, end.StreamId, end.IsFin, end.Data.Length));
    }

    [Fact]
    public async Task A_frame_longer_than_the_limit_ends_the_session_and_its_streams()
    {
        await ConnectAsync();
        await using var session = new SpdySession(_server);
        await WriteSynStreamAsync(1, ("streamtype", "data"));
        var stream = await session.Opened.ReadAsync(Ct);

        var header = new byte[8];
        header[5] = 0x7f;
        await _client.WriteAsync(header, Ct);

        await session.Opened.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await stream.Reader.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.True(session.Closing.IsCancellationRequested);
    }

    [Fact]
    public async Task Headers_that_cannot_be_read_end_the_session()
    {
        await ConnectAsync();
        await using var session = new SpdySession(_server);
        var payload = new byte[10 + 8];
        BinaryPrimitives.WriteInt32BigEndian(payload, 1);
        payload[10] = 0x78;
        payload[11] = 0x20;
        await WriteControlAsync(SpdyFrameType.SynStream, payload);

        await session.Opened.Completion.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(session.Opened.TryRead(out _));
    }

    public async ValueTask DisposeAsync()
    {
        _clientCompression.Dispose();
        if (_client is not null)
        {
            await _client.DisposeAsync();
            await _server.DisposeAsync();
        }
    }

    private async Task ConnectAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, Ct);
        _client = client.GetStream();
        _server = (await listener.AcceptTcpClientAsync(Ct)).GetStream();
    }

    private Task WriteSynStreamAsync(int id, params (string Name, string Value)[] headers)
    {
        var block = _clientCompression.Deflate([.. headers.Select(h => KeyValuePair.Create(h.Name, h.Value))]);
        var payload = new byte[10 + block.Length];
        BinaryPrimitives.WriteInt32BigEndian(payload, id);
        block.CopyTo(payload, 10);
        return WriteControlAsync(SpdyFrameType.SynStream, payload);
    }

    private Task WritePingAsync(int id)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(payload, id);
        return WriteControlAsync(SpdyFrameType.Ping, payload);
    }

    private async Task WriteControlAsync(SpdyFrameType type, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, 0x8003);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)type);
        frame[5] = (byte)(payload.Length >> 16);
        frame[6] = (byte)(payload.Length >> 8);
        frame[7] = (byte)payload.Length;
        payload.CopyTo(frame, 8);
        await _client.WriteAsync(frame, Ct);
    }

    private async Task WriteDataAsync(int id, byte[] data, bool fin)
    {
        var frame = new byte[8 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, id);
        frame[4] = fin ? SpdyFrame.Fin : (byte)0;
        frame[7] = (byte)data.Length;
        data.CopyTo(frame, 8);
        await _client.WriteAsync(frame, Ct);
    }
}
