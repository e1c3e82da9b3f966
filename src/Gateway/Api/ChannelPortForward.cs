using System.Buffers.Binary;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Objects;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>
/// Port-forward over WebSocket channels (<c>v4.channel.k8s.io</c>, the Python client's): the <c>ports</c> query names
/// the pod's ports, one connection each; port <c>i</c> has data channel <c>2i</c> and error channel <c>2i+1</c>, and
/// each channel's first frame from the server carries the port number (2 bytes, little-endian). The WebSocket
/// closes once every port's connection has ended, or when the client closes it.
/// </summary>
internal static class ChannelPortForward
{
    public const string Protocol = "v4.channel.k8s.io";

    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    /// <summary>The <c>ports</c> query (repeated or comma-separated); a 400 when it is missing, malformed or repeats a port.</summary>
    public static IReadOnlyList<int> Ports(HttpRequest request)
    {
        var ports = new List<int>();
        foreach (var text in request.Query["ports"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new KubeStatusException(KubeStatus.BadRequest($"invalid port {text}: a port must be between 1 and 65535"));
            }
            if (ports.Contains(port))
            {
                throw new KubeStatusException(KubeStatus.BadRequest($"port {port} is given twice"));
            }
            ports.Add(port);
        }
        return ports.Count > 0 ? ports : throw new KubeStatusException(KubeStatus.BadRequest("port-forward over WebSocket channels needs the ports query parameter"));
    }

    public static async Task ServeAsync(HttpContext context, INodeAgentGrain agent, string node, string ns, string name, IReadOnlyList<int> ports)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync(Protocol);
        using var sending = new SemaphoreSlim(1, 1);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        async Task SendAsync(int channel, ReadOnlyMemory<byte> data)
        {
            var frame = new byte[data.Length + 1];
            frame[0] = (byte)channel;
            data.CopyTo(frame.AsMemory(1));
            await sending.WaitAsync(done.Token);
            try
            {
                await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, done.Token);
            }
            finally
            {
                sending.Release();
            }
        }

        var sessions = new string?[ports.Count];
        try
        {
            for (var i = 0; i < ports.Count; i++)
            {
                var prefix = new byte[2];
                BinaryPrimitives.WriteUInt16LittleEndian(prefix, (ushort)ports[i]);
                await SendAsync(2 * i, prefix);
                await SendAsync(2 * i + 1, prefix);
                (sessions[i], var refusal) = await PodPortForward.OpenAsync(agent, node, ns, name, ports[i]);
                if (refusal is not null)
                {
                    await SendAsync(2 * i + 1, Encoding.UTF8.GetBytes(refusal));
                }
            }
            var fromPods = Task.WhenAll(sessions.Select((session, i) => session is null
                ? Task.CompletedTask
                : CopyFromPodAsync(agent, node, session, data => SendAsync(2 * i, data), error => SendAsync(2 * i + 1, error), done.Token)));
            var fromClient = CopyFromClientAsync(socket, agent, sessions, done.Token);
            if (await Task.WhenAny(fromPods, fromClient) == fromPods && socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, done.Token);
                // The client answers the close once it has read everything; closing first would reset the connection
                // and could lose what it had not read yet.
                await Task.WhenAny(fromClient, Task.Delay(CloseWait, done.Token)).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away.
        }
        finally
        {
            await done.CancelAsync();
            foreach (var session in sessions.OfType<string>())
            {
                await PodAgents.EndStreamAsync(agent, session);
            }
        }
    }

    /// <summary>The pod's side until its connection ends; an agent that stops answering ends it too, said on the error channel.</summary>
    private static async Task CopyFromPodAsync(INodeAgentGrain agent, string node, string session, Func<ReadOnlyMemory<byte>, Task> send, Func<ReadOnlyMemory<byte>, Task> sendError, CancellationToken cancellationToken)
    {
        await foreach (var output in PodAgents.ReadOutputAsync(agent, node, session, cancellationToken))
        {
            foreach (var chunk in output.Chunks)
            {
                await send(chunk.Data);
            }
            if (output.Error is { Length: > 0 } message)
            {
                await sendError(Encoding.UTF8.GetBytes(message));
            }
        }
    }

    /// <summary>Data channels' frames to their port's connection; ends when the client closes.</summary>
    private static async Task CopyFromClientAsync(WebSocket socket, INodeAgentGrain agent, string?[] sessions, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }
            var frame = message.ToArray();
            message.SetLength(0);
            if (frame.Length > 1 && frame[0] % 2 == 0 && frame[0] / 2 < sessions.Length && sessions[frame[0] / 2] is { } session)
            {
                await agent.SendStreamInputAsync(session, new StreamInput(frame[1..]));
            }
        }
    }
}
