using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>
/// <c>GET …/pods/{name}/exec</c> and <c>…/attach</c> over WebSocket (kubectl 1.30+, the Python client): the command
/// runs in (or attach joins the process of) the pod's container through its node agent; output is read from the
/// agent and sent as it comes, client input passed on.
/// Everything that can be refused (no such pod, container, command) is refused before the upgrade, as a Status.
/// </summary>
internal static class PodExec
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    /// <param name="attach">Join the container's own process (<c>kubectl attach</c>, <c>kubectl run -i</c>) instead of running a command.</param>
    public static async Task ServeAsync(HttpContext context, IGrainFactory grains, IObjectStore store, string ns, string name, bool attach)
    {
        var request = RequestOf(context.Request, ns, name, attach);
        var (agent, node, pod) = await PodAgents.ForPodAsync(grains, store, ns, name, $"pod {name} does not have a host assigned", context.RequestAborted);
        var containers = (pod["spec"]?["containers"] as JsonArray)?.Select(c => (string?)c?["name"] ?? "").ToList() ?? [];
        var (container, error) = ContainerChoice.Choose(containers, request.Container, name);
        if (error is not null)
        {
            throw new KubeStatusException(KubeStatus.BadRequest(error));
        }
        request = request with { Container = container };
        // kubectl 1.30+ retries a refused WebSocket with SPDY: a request it can fix gets the same answer on both.
        if (!context.WebSockets.IsWebSocketRequest)
        {
            throw new KubeStatusException(KubeStatus.BadRequest("Upgrade request required: this server serves exec and attach over WebSocket (v5.channel.k8s.io, v4.channel.k8s.io) only; use kubectl 1.30 or newer"));
        }
        var protocol = ExecProtocol.Choose(context.WebSockets.WebSocketRequestedProtocols)
            ?? throw new KubeStatusException(KubeStatus.BadRequest($"exec needs the WebSocket subprotocol {ExecProtocol.V5} or {ExecProtocol.V4}"));
        var opened = await PodAgents.CallAsync(node, () => agent.OpenExecAsync(request));
        if (opened.SessionId is not { } session)
        {
            throw new KubeStatusException(opened.NotFound
                ? KubeStatus.NotFound(new GroupResource("", "pods"), name)
                : KubeStatus.BadRequest(opened.Error ?? "exec failed"));
        }
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync(protocol);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            var input = PassInputAsync(socket, agent, session, protocol, done.Token);
            var output = SendOutputAsync(socket, agent, session, request, ApiResponses.Flag(context.Request, "stdout"), ApiResponses.Flag(context.Request, "stderr"), done.Token);
            if (await Task.WhenAny(input, output) == output)
            {
                // The client answers the close once it has read the end; cancelling a receive would reset the connection first.
                await Task.WhenAny(input, Task.Delay(CloseWait, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default));
            }
            // Else the client left first (Ctrl-C, a dropped connection): the process's output has nowhere to go.
            await done.CancelAsync();
            await Task.WhenAll(input, output);
        }
        finally
        {
            await PodAgents.EndStreamAsync(agent, session);
        }
    }

    private static PodExecRequest RequestOf(HttpRequest request, string ns, string name, bool attach)
    {
        var command = attach ? [] : request.Query["command"].Where(c => c is not null).Select(c => c!).ToArray();
        if (command.Length == 0 && !attach)
        {
            throw new KubeStatusException(KubeStatus.BadRequest("you must specify at least 1 command"));
        }
        var tty = ApiResponses.Flag(request, "tty");
        return new PodExecRequest(ns, name, ApiResponses.Query(request, "container"), command, ApiResponses.Flag(request, "stdin"), tty);
    }

    /// <summary>Output as the agent has it, then the end's Status on the error channel and a normal close.</summary>
    private static async Task SendOutputAsync(WebSocket socket, INodeAgentGrain agent, string session, PodExecRequest request, bool stdout, bool stderr, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                StreamOutput output;
                try
                {
                    output = await agent.ReadStreamAsync(session);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    output = new StreamOutput([], Ended: true, Error: $"the node agent running the pod is not reachable: {exception.Message}");
                }
                foreach (var chunk in output.Chunks.Where(c => c.Stream == StreamChunk.Stdout ? stdout || request.Tty : stderr))
                {
                    await SendAsync(socket, (byte)chunk.Stream, chunk.Data, cancellationToken);
                }
                if (output.Ended)
                {
                    await SendAsync(socket, ExecProtocol.Error, System.Text.Encoding.UTF8.GetBytes(ExecProtocol.EndStatus(output, request.Command).ToJsonString()), cancellationToken);
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            return;
        }
    }

    /// <summary>Stdin, its end and terminal resizes, passed to the agent in order until the client closes.</summary>
    private static async Task PassInputAsync(WebSocket socket, INodeAgentGrain agent, string session, string protocol, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var message = await ReceiveAsync(socket, buffer, cancellationToken);
                if (message is null)
                {
                    return;
                }
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
                    await agent.SendStreamInputAsync(session, input);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            return;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The agent is unreachable: the output side reads the same failure and tells the client why.
            return;
        }
    }

    /// <summary>One whole message (a message may arrive in fragments); null once the client closes.</summary>
    private static async Task<byte[]?> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken cancellationToken)
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

    private static Task SendAsync(WebSocket socket, byte channel, byte[] data, CancellationToken cancellationToken)
    {
        var frame = new byte[data.Length + 1];
        frame[0] = channel;
        data.CopyTo(frame, 1);
        return socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
    }
}
