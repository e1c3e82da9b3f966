using System.Threading.Channels;

namespace Actors.Gateway.Spdy;

/// <summary>One stream a client opened: its headers, the data it sends (complete at its end) and a way to answer.</summary>
internal sealed class SpdyStream(SpdySession session, int id, IReadOnlyDictionary<string, string> headers)
{
    public int Id => id;

    public IReadOnlyDictionary<string, string> Headers => headers;

    /// <summary>The client's data, in order; completes when the client ends its side or the connection ends.</summary>
    internal Channel<byte[]> Received { get; } = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public ChannelReader<byte[]> Reader => Received.Reader;

    public Task WriteAsync(ReadOnlyMemory<byte> data) => session.WriteAsync(id, data, fin: false);

    /// <summary>Ends the server's side of the stream.</summary>
    public Task CloseAsync() => session.WriteAsync(id, ReadOnlyMemory<byte>.Empty, fin: true);

    public string? Header(string name) => headers.GetValueOrDefault(name);
}
