using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using Actors.Grains.Abstractions.Objects;

namespace Actors.Gateway.Api;

/// <summary>Exec over WebSocket (kubectl 1.30+, the Python client): binary messages whose first byte is the channel.</summary>
internal sealed class WebSocketExecClient(WebSocket socket, string protocol) : IExecClient
{
    public Task SendAsync(byte channel, byte[] data, CancellationToken cancellationToken)
    {
        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame, 1);
        return socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
    }

    public Task EndAsync(CancellationToken cancellationToken) => socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);

    public async IAsyncEnumerable<StreamInput> ReadInputAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (await ReceiveAsync(buffer, cancellationToken) is { } message)
        {
            if (message.Length == 0)
            {
                continue;
            }
            var input = message[0] switch
            {
                ExecProtocol.Stdin => new StreamInput(message[1..]),
                ExecProtocol.Resize when ExecProtocol.ReadSize(message.AsSpan(1)) is var (width, height) => new StreamInput([], Width: width, Height: height),
                ExecProtocol.Close when protocol == ExecProtocol.V5 && message.Length > 1 && message[1] == ExecProtocol.Stdin => new StreamInput([], CloseStdin: true),
                _ => null,
            };
            if (input is not null)
            {
                yield return input;
            }
        }
    }

    /// <summary>One whole message (a message may arrive in fragments); null once the client closes.</summary>
    private async Task<byte[]?> ReceiveAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return message.ToArray();
            }
        }
    }
}
