using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Actors.Gateway.Errors;
using Actors.Gateway.Spdy;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>
/// <c>…/pods/{name}/portforward</c> (<c>kubectl port-forward</c>): SPDY/3.1 with <c>portforward.k8s.io</c>, either
/// on the upgraded connection (every kubectl) or inside WebSocket binary messages (subprotocol
/// <c>SPDY/3.1+portforward.k8s.io</c>, kubectl 1.31+); the Python client's WebSocket channels are
/// <see cref="ChannelPortForward"/>. Each local connection opens a pair of streams, <c>error</c>
/// and <c>data</c>, with the same <c>requestid</c> and the pod's <c>port</c>; the pod's node agent connects to that
/// port and the data is relayed both ways until either side ends. A failure to connect goes on the error stream
/// as text, which kubectl prints.
/// </summary>
internal static class PodPortForward
{
    public const string Protocol = "portforward.k8s.io";
    public const string TunnelProtocol = "SPDY/3.1+portforward.k8s.io";

    public static async Task ServeAsync(HttpContext context, IGrainFactory grains, IObjectStore store, string ns, string name)
    {
        var (agent, node, pod) = await PodAgents.ForPodAsync(grains, store, ns, name, $"pod {name} does not have a host assigned", context.RequestAborted);
        if ((string?)pod["status"]?["phase"] is { } phase && phase != "Running")
        {
            throw new KubeStatusException(KubeStatus.BadRequest($"pod {name} is not running - current status={phase}"));
        }
        Stream connection;
        if (context.WebSockets.IsWebSocketRequest)
        {
            var offered = context.WebSockets.WebSocketRequestedProtocols;
            if (!offered.Contains(TunnelProtocol, StringComparer.Ordinal))
            {
                if (offered.Contains(ChannelPortForward.Protocol, StringComparer.Ordinal))
                {
                    await ChannelPortForward.ServeAsync(context, agent, node, ns, name, ChannelPortForward.Ports(context.Request));
                    return;
                }
                throw new KubeStatusException(KubeStatus.BadRequest($"port-forward over WebSocket needs the subprotocol {TunnelProtocol} or {ChannelPortForward.Protocol}"));
            }
            // .NET refuses a '/' in a subprotocol it is asked to accept, so the answer names it directly.
            context.Response.Headers.SecWebSocketProtocol = TunnelProtocol;
            connection = WebSocketStream.Create(await context.WebSockets.AcceptWebSocketAsync(), WebSocketMessageType.Binary, ownsWebSocket: true);
        }
        else if (SpdyUpgrade.IsRequested(context.Request))
        {
            var protocol = SpdyUpgrade.ChooseProtocol(context.Request, [Protocol])
                ?? throw new KubeStatusException(KubeStatus.BadRequest($"port-forward needs the stream protocol {Protocol}"));
            connection = await SpdyUpgrade.AcceptAsync(context, protocol);
        }
        else
        {
            throw new KubeStatusException(KubeStatus.BadRequest("Upgrade request required: port-forward is served over SPDY/3.1 (portforward.k8s.io), alone or inside WebSocket"));
        }
        await using (connection)
        await using (var session = new SpdySession(connection))
        {
            var pairs = new Dictionary<string, (SpdyStream? Error, SpdyStream? Data)>(StringComparer.Ordinal);
            var forwards = new List<Task>();
            try
            {
                await foreach (var stream in session.Opened.ReadAllAsync(session.Closing))
                {
                    var id = stream.Header("requestid") ?? "";
                    var pair = pairs.GetValueOrDefault(id);
                    pair = stream.Header("streamtype") == "error" ? pair with { Error = stream } : pair with { Data = stream };
                    pairs[id] = pair;
                    if (pair is { Error: { } error, Data: { } data })
                    {
                        pairs.Remove(id);
                        forwards.Add(ForwardAsync(agent, node, ns, name, error, data, session.Closing));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The client closed the connection.
            }
            await Task.WhenAll(forwards);
        }
    }

    /// <summary>The agent's session connected to the pod's port, or the error stream's text saying why there is none.</summary>
    public static async Task<(string? Session, string? Error)> OpenAsync(INodeAgentGrain agent, string node, string ns, string name, int port)
    {
        try
        {
            var opened = await agent.OpenPortForwardAsync(new PodPortForwardRequest(ns, name, port));
            return (opened.SessionId, opened.SessionId is null ? opened.Error ?? $"error forwarding port {port} to pod {name}" : null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (null, $"the agent of node {node} is not reachable: {exception.Message}");
        }
    }

    /// <summary>One forwarded connection: the pod's port through its agent, both ways, until either side ends.</summary>
    private static async Task ForwardAsync(INodeAgentGrain agent, string node, string ns, string name, SpdyStream error, SpdyStream data, CancellationToken closing)
    {
        try
        {
            if (!int.TryParse(data.Header("port"), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                await FailAsync(error, data, $"invalid port {data.Header("port")}");
                return;
            }
            var (session, refusal) = await OpenAsync(agent, node, ns, name, port);
            if (session is null)
            {
                await FailAsync(error, data, refusal!);
                return;
            }
            try
            {
                var toPod = CopyToPodAsync(agent, session, data, closing);
                await CopyFromPodAsync(agent, node, session, error, data, closing);
                await error.CloseAsync();
                await toPod;
            }
            finally
            {
                await PodAgents.EndStreamAsync(agent, session);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client's connection ended.
        }
    }

    private static async Task CopyToPodAsync(INodeAgentGrain agent, string session, SpdyStream data, CancellationToken closing)
    {
        try
        {
            await foreach (var chunk in data.Reader.ReadAllAsync(closing))
            {
                await agent.SendStreamInputAsync(session, new StreamInput(chunk));
            }
            await agent.SendStreamInputAsync(session, new StreamInput([], CloseStdin: true));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The client left or the agent is unreachable; the other direction ends the connection.
        }
    }

    /// <summary>The pod's side until its connection ends; an agent that stops answering ends it too, said on the error stream.</summary>
    private static async Task CopyFromPodAsync(INodeAgentGrain agent, string node, string session, SpdyStream error, SpdyStream data, CancellationToken closing)
    {
        await foreach (var output in PodAgents.ReadOutputAsync(agent, node, session, closing))
        {
            foreach (var chunk in output.Chunks)
            {
                await data.WriteAsync(chunk.Data);
            }
            if (output.Ended)
            {
                if (output.Error is { Length: > 0 } message)
                {
                    await error.WriteAsync(Encoding.UTF8.GetBytes(message));
                }
                await data.CloseAsync();
                return;
            }
        }
    }

    private static async Task FailAsync(SpdyStream error, SpdyStream data, string message)
    {
        await error.WriteAsync(Encoding.UTF8.GetBytes(message));
        await error.CloseAsync();
        await data.CloseAsync();
    }
}
