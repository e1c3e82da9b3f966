using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Gateway.Spdy;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>
/// <c>…/pods/{name}/exec</c> and <c>…/attach</c> over WebSocket (kubectl 1.30+, the Python client) or SPDY (every
/// kubectl): the command runs in (or attach joins the process of) the pod's container through its node agent;
/// output is read from the agent and sent as it comes, client input passed on.
/// Everything that can be refused (no such pod, container, command) is refused before the upgrade, as a Status.
/// </summary>
internal static class PodExec
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    /// <summary>How long a SPDY client has to open the streams its request asked for, as the kubelet allows.</summary>
    private static readonly TimeSpan StreamsWait = TimeSpan.FromSeconds(30);

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
        var webSocket = context.WebSockets.IsWebSocketRequest;
        // kubectl 1.30+ retries a refused WebSocket with SPDY: a request it can fix gets the same answer on both.
        if (!webSocket && !SpdyUpgrade.IsRequested(context.Request))
        {
            throw new KubeStatusException(KubeStatus.BadRequest("Upgrade request required: exec and attach are served over WebSocket (v5.channel.k8s.io, v4.channel.k8s.io) or SPDY/3.1 (v4.channel.k8s.io)"));
        }
        var protocol = webSocket
            ? ExecProtocol.Choose(context.WebSockets.WebSocketRequestedProtocols)
                ?? throw new KubeStatusException(KubeStatus.BadRequest($"exec needs the WebSocket subprotocol {ExecProtocol.V5} or {ExecProtocol.V4}"))
            : SpdyUpgrade.ChooseProtocol(context.Request, [ExecProtocol.V4])
                ?? throw new KubeStatusException(KubeStatus.BadRequest($"exec over SPDY needs the stream protocol {ExecProtocol.V4}"));
        var opened = await PodAgents.CallAsync(node, () => agent.OpenExecAsync(request));
        if (opened.SessionId is not { } session)
        {
            throw new KubeStatusException(opened.NotFound
                ? KubeStatus.NotFound(new GroupResource("", "pods"), name)
                : KubeStatus.BadRequest(opened.Error ?? "exec failed"));
        }
        var stdout = ApiResponses.Flag(context.Request, "stdout");
        var stderr = ApiResponses.Flag(context.Request, "stderr");
        try
        {
            if (webSocket)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync(protocol);
                await RelayAsync(new WebSocketExecClient(socket, protocol), agent, node, session, request, stdout, stderr, context.RequestAborted);
                return;
            }
            await using var spdy = new SpdySession(await SpdyUpgrade.AcceptAsync(context, protocol));
            if (await SpdyExecClient.AcceptAsync(spdy, request.Stdin, stdout, stderr, request.Tty, StreamsWait) is { } client)
            {
                await RelayAsync(client, agent, node, session, request, stdout, stderr, spdy.Closing);
            }
        }
        finally
        {
            await PodAgents.EndStreamAsync(agent, session);
        }
    }

    /// <summary>
    /// Passes input on and output back until the process ends and the client has read it (it closes then), or the
    /// client leaves first (Ctrl-C, a dropped connection): then the process's output has nowhere to go.
    /// </summary>
    private static async Task RelayAsync(IExecClient client, INodeAgentGrain agent, string node, string session, PodExecRequest request, bool stdout, bool stderr, CancellationToken clientGone)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
        var input = PassInputAsync(client, agent, session, done.Token);
        var output = SendOutputAsync(client, agent, node, session, request, stdout, stderr, done.Token);
        if (await Task.WhenAny(input, output) == output)
        {
            // The client closes once it has read the end; cancelling a receive would reset the connection first.
            await Task.WhenAny(input, Task.Delay(CloseWait, clientGone).ContinueWith(_ => { }, TaskScheduler.Default));
        }
        await done.CancelAsync();
        await Task.WhenAll(input, output);
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

    /// <summary>Output as the agent has it, then the end's Status on the error channel and the end of the output.</summary>
    private static async Task SendOutputAsync(IExecClient client, INodeAgentGrain agent, string node, string session, PodExecRequest request, bool stdout, bool stderr, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var output in PodAgents.ReadOutputAsync(agent, node, session, cancellationToken))
            {
                foreach (var chunk in output.Chunks.Where(c => c.Stream == StreamChunk.Stdout ? stdout || request.Tty : stderr))
                {
                    await client.SendAsync((byte)chunk.Stream, chunk.Data, cancellationToken);
                }
                if (output.Ended)
                {
                    await client.SendAsync(ExecProtocol.Error, System.Text.Encoding.UTF8.GetBytes(ExecProtocol.EndStatus(output, request.Command).ToJsonString()), cancellationToken);
                    await client.EndAsync(cancellationToken);
                    return;
                }
            }
        }
        catch (Exception exception) when (IsClientGone(exception))
        {
            return;
        }
    }

    /// <summary>Stdin, its end and terminal resizes, passed to the agent in order until the client goes.</summary>
    private static async Task PassInputAsync(IExecClient client, INodeAgentGrain agent, string session, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var input in client.ReadInputAsync(cancellationToken))
            {
                await agent.SendStreamInputAsync(session, input);
            }
        }
        catch (Exception exception) when (IsClientGone(exception))
        {
            return;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The agent is unreachable: the output side reads the same failure and tells the client why.
            return;
        }
    }

    private static bool IsClientGone(Exception exception) =>
        exception is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException or System.Threading.Channels.ChannelClosedException;
}
