using System.Globalization;
using System.Text;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>
/// <c>GET …/pods/{name}/log</c>: plain text from the node agent that runs the pod (container, previous,
/// tailLines, sinceSeconds / sinceTime, timestamps, limitBytes). With <c>follow</c> the agent follows the engine's
/// log and each line is sent as it is written, until the container ends or the client hangs up.
/// </summary>
internal static class PodLogs
{
    public static async Task ServeAsync(HttpContext context, IGrainFactory grains, IObjectStore store, TimeProvider time, string ns, string name)
    {
        var request = QueryOf(context.Request, ns, name, time.GetUtcNow());
        var (agent, node, _) = await PodAgents.ForPodAsync(grains, store, request.Namespace, request.Pod,
            $"container in pod \"{request.Pod}\" is waiting to start: the pod is not scheduled to a node yet", context.RequestAborted);
        if (ApiResponses.Flag(context.Request, "follow"))
        {
            await FollowAsync(context, agent, node, request);
            return;
        }
        var logs = await PodAgents.CallAsync(node, () => agent.GetLogsAsync(request));
        if (!logs.Found)
        {
            throw new KubeStatusException(KubeStatus.BadRequest(logs.Error ?? $"no logs for pod \"{request.Pod}\""));
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        await WriteLinesAsync(context, logs.Lines);
    }

    private static async Task FollowAsync(HttpContext context, INodeAgentGrain agent, string node, PodLogRequest request)
    {
        var opened = await PodAgents.CallAsync(node, () => agent.OpenLogStreamAsync(request));
        if (opened.SessionId is not { } session)
        {
            throw new KubeStatusException(KubeStatus.BadRequest(opened.Error ?? $"no logs for pod \"{request.Pod}\""));
        }
        try
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/plain";
            await context.Response.Body.FlushAsync(context.RequestAborted);
            var room = request.LimitBytes ?? long.MaxValue;
            await foreach (var output in PodAgents.ReadOutputAsync(agent, node, session, context.RequestAborted))
            {
                foreach (var chunk in output.Chunks)
                {
                    var data = chunk.Data.AsMemory(0, (int)Math.Min(chunk.Data.Length, room));
                    await context.Response.Body.WriteAsync(data, context.RequestAborted);
                    room -= data.Length;
                }
                await context.Response.Body.FlushAsync(context.RequestAborted);
                if (room <= 0)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            await PodAgents.EndStreamAsync(agent, session);
        }
    }

    private static PodLogRequest QueryOf(HttpRequest request, string ns, string name, DateTimeOffset now)
    {
        int? Number(string key) => ApiResponses.Query(request, key) is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new KubeStatusException(KubeStatus.BadRequest($"{key}: \"{text}\" is not a non-negative integer"))
            : null;
        DateTimeOffset? since = Number("sinceSeconds") is { } seconds ? now.AddSeconds(-seconds) : null;
        if (ApiResponses.Query(request, "sinceTime") is { } sinceTime)
        {
            since = DateTimeOffset.TryParse(sinceTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : throw new KubeStatusException(KubeStatus.BadRequest($"sinceTime: \"{sinceTime}\" is not an RFC 3339 time"));
        }
        return new PodLogRequest(ns, name, ApiResponses.Query(request, "container"), ApiResponses.Flag(request, "previous"),
            Number("tailLines"), since, ApiResponses.Flag(request, "timestamps"), Number("limitBytes"));
    }

    private static async Task WriteLinesAsync(HttpContext context, IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }
        await context.Response.WriteAsync(text.ToString(), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
