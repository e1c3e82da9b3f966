using System.Globalization;
using System.Text;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>
/// <c>GET …/pods/{name}/log</c>: plain text from the node agent that runs the pod (container, previous,
/// tailLines, sinceSeconds / sinceTime, timestamps, limitBytes). With <c>follow</c> the stream stays open and
/// new lines are sent as the agent sees them, until the pod goes or the client hangs up.
/// </summary>
internal static class PodLogs
{
    private static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(1);

    public static async Task ServeAsync(HttpContext context, IGrainFactory grains, IObjectStore store, TimeProvider time, string ns, string name)
    {
        var request = QueryOf(context.Request, ns, name, time.GetUtcNow());
        var follow = ApiResponses.Flag(context.Request, "follow");
        // Following: fetch everything, show the tail, then each interval send only what is new.
        var (agent, first) = await FetchAsync(grains, store, follow ? request with { TailLines = null, LimitBytes = null } : request, context.RequestAborted);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        var shown = follow && request.TailLines is { } tail ? first.Lines[Math.Max(0, first.Lines.Length - tail)..] : first.Lines;
        await WriteLinesAsync(context, shown);
        if (!follow)
        {
            return;
        }
        var sent = first.Lines.Length;
        while (!context.RequestAborted.IsCancellationRequested)
        {
            await Task.Delay(FollowInterval, time, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (context.RequestAborted.IsCancellationRequested || await store.GetAsync("Pod", ns, name, context.RequestAborted) is null)
            {
                return;
            }
            var next = await agent.GetLogsAsync(request with { TailLines = null, LimitBytes = null });
            if (next.Lines.Length > sent)
            {
                await WriteLinesAsync(context, next.Lines[sent..]);
                sent = next.Lines.Length;
            }
        }
    }

    private static async Task<(INodeAgentGrain Agent, PodLogResult Logs)> FetchAsync(IGrainFactory grains, IObjectStore store, PodLogRequest request, CancellationToken cancellationToken)
    {
        var (agent, node, _) = await PodAgents.ForPodAsync(grains, store, request.Namespace, request.Pod,
            $"container in pod \"{request.Pod}\" is waiting to start: the pod is not scheduled to a node yet", cancellationToken);
        var logs = await PodAgents.CallAsync(node, () => agent.GetLogsAsync(request));
        return logs.Found ? (agent, logs) : throw new KubeStatusException(KubeStatus.BadRequest(logs.Error ?? $"no logs for pod \"{request.Pod}\""));
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
