using System.Text;
using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Gateway.Metrics;
using Actors.Gateway.Tables;
using Actors.Grains.Abstractions.Store;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>
/// A watch response (KUBECTL-API.md §9): one JSON event per line, flushed each, synthetic ADDED events for an unset
/// or zero resourceVersion, a BOOKMARK when asked, and an ERROR event with a 410 Status for a compacted revision.
/// </summary>
internal static class WatchStream
{
    public static async Task RunAsync(HttpContext context, IObjectStore store, ResourceTarget target, TimeProvider time)
    {
        var request = context.Request;
        var kind = target.Kind;
        var selectors = ListRequest.Parse(kind, ApiResponses.Query(request, "labelSelector"), ApiResponses.Query(request, "fieldSelector"));
        var rvText = ApiResponses.Query(request, "resourceVersion");
        long from = 0;
        var synthetic = string.IsNullOrEmpty(rvText) || rvText == "0";
        if (!synthetic && (!long.TryParse(rvText, out from) || from < 0))
        {
            throw new KubeStatusException(KubeStatus.BadRequest($"invalid resourceVersion \"{rvText}\""));
        }
        var table = ApiResponses.WantsTable(request.Headers.Accept);
        var includeObject = ApiResponses.Query(request, "includeObject");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (int.TryParse(ApiResponses.Query(request, "timeoutSeconds"), out var seconds) && seconds > 0)
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        }
        var cancellationToken = timeout.Token;

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(cancellationToken);
        // Headers go out now, not with the first event: a client of a quiet watch must not sit waiting for them.
        await context.Response.Body.FlushAsync(cancellationToken);
        using var open = GatewayInstruments.WatchOpened(kind.Kind);
        var first = true;

        async Task SendAsync(string type, JsonObject obj)
        {
            JsonNode payload = table && type is not ("ERROR" or "BOOKMARK")
                ? TablePrinter.Table(kind.Kind, [obj], obj["metadata"]?["resourceVersion"]?.GetValue<string>(), null, includeObject, time.GetUtcNow(), withColumns: first)
                : obj;
            first = false;
            var line = KubeJson.Serialize(new JsonObject { ["type"] = type, ["object"] = payload }) + "\n";
            await context.Response.WriteAsync(line, Encoding.UTF8, cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }

        try
        {
            if (synthetic)
            {
                var listed = await store.ListAsync(kind.Kind, target.Namespace, new ListOptions { Filter = o => selectors.Matches(kind.Kind, o) }, cancellationToken);
                foreach (var item in listed.Items)
                {
                    await SendAsync("ADDED", item);
                }
                from = long.Parse(listed.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);
            }
            if (ApiResponses.Flag(request, "allowWatchBookmarks"))
            {
                await SendAsync("BOOKMARK", new JsonObject
                {
                    ["kind"] = kind.Kind,
                    ["apiVersion"] = kind.ApiVersion,
                    ["metadata"] = new JsonObject { ["resourceVersion"] = from.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                });
            }
            await foreach (var change in store.WatchAsync(kind.Kind, target.Namespace, from, cancellationToken))
            {
                if (selectors.Matches(kind.Kind, change.Object))
                {
                    await SendAsync(change.TypeName, change.Object);
                }
            }
        }
        catch (TooOldResourceVersionException e)
        {
            await SendAsync("ERROR", KubeStatus.Gone(e.RequestedRevision, e.CompactedRevision));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or timeoutSeconds passed: a watch ends by closing the stream.
        }
    }
}
