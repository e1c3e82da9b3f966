using Actors.Grains.Abstractions.Objects;

namespace Actors.Gateway.Api;

/// <summary>The client's end of an exec or attach, whatever carries it (WebSocket channels or SPDY streams).</summary>
internal interface IExecClient
{
    /// <summary>Output for the client on a remote-command channel: stdout (1), stderr (2) or the end's Status (3).</summary>
    Task SendAsync(byte channel, byte[] data, CancellationToken cancellationToken);

    /// <summary>Tells the client that nothing more comes, after the Status.</summary>
    Task EndAsync(CancellationToken cancellationToken);

    /// <summary>Stdin, its end and terminal resizes, in order; the enumeration ends when the client has gone.</summary>
    IAsyncEnumerable<StreamInput> ReadInputAsync(CancellationToken cancellationToken);
}
