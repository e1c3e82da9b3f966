using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Store;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Api;

/// <summary>
/// The metrics API (metrics.k8s.io/v1beta1, the metrics-server's role, for <c>kubectl top</c>): reads the Nodes or
/// Pods a request names, asks the agents of their nodes to measure, and answers with what they measured. Nothing is
/// stored; a node whose agent does not answer in time is left out, as metrics-server leaves out a node it cannot
/// scrape. Read-only: anything but a get or a list is 405.
/// </summary>
internal sealed class MetricsApiHandler(IGrainFactory grains, IObjectStore store)
{
    private static readonly TimeSpan AgentDeadline = TimeSpan.FromSeconds(10);

    public async Task HandleAsync(HttpContext context, ResourceTarget target)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || ApiResponses.Flag(context.Request, "watch"))
        {
            throw new KubeStatusException(KubeStatus.MethodNotAllowed());
        }
        var nodesAsked = target.Kind == KindRegistry.NodeMetrics;
        var measured = nodesAsked ? KindRegistry.Nodes : KindRegistry.Pods;
        var objects = await ReadAsync(context.Request, measured, target, context.RequestAborted);
        var nodes = nodesAsked ? objects : await NodesOfAsync(objects, context.RequestAborted);
        var reports = await MeasureAsync(nodes, context.RequestAborted);

        if (nodesAsked)
        {
            var items = objects.Where(n => reports.ContainsKey(Name(n))).Select(n => UsageMetrics.Node(n, reports[Name(n)])).ToList();
            await WriteAsync(context, target, items);
            return;
        }
        var byPod = reports.Values.SelectMany(r => r.Pods).ToDictionary(p => (p.Namespace, p.Name));
        var pods = objects
            .Where(p => byPod.ContainsKey(((string?)p["metadata"]?["namespace"] ?? "", Name(p))))
            .Select(p => UsageMetrics.Pod(p, byPod[((string?)p["metadata"]?["namespace"] ?? "", Name(p))]))
            .ToList();
        await WriteAsync(context, target, pods);
    }

    private async Task<IReadOnlyList<JsonObject>> ReadAsync(HttpRequest request, ResourceKind kind, ResourceTarget target, CancellationToken cancellationToken)
    {
        if (target.Name is { } name)
        {
            var found = await store.GetAsync(kind.Kind, target.Namespace ?? "", name, cancellationToken);
            return found is null ? throw new KubeStatusException(NotFound(target)) : [found];
        }
        var selectors = ListRequest.Parse(kind, ApiResponses.Query(request, "labelSelector"), ApiResponses.Query(request, "fieldSelector"));
        var listed = await store.ListAsync(kind.Kind, target.Namespace, cancellationToken: cancellationToken);
        return [.. listed.Items.Where(o => selectors.Matches(kind.Kind, o))];
    }

    /// <summary>The Node objects the pods are bound to; a node that is gone has none.</summary>
    private async Task<IReadOnlyList<JsonObject>> NodesOfAsync(IReadOnlyList<JsonObject> pods, CancellationToken cancellationToken)
    {
        var names = pods.Select(p => (string?)p["spec"]?["nodeName"]).OfType<string>().Distinct(StringComparer.Ordinal);
        var nodes = await Task.WhenAll(names.Select(name => store.GetAsync("Node", "", name, cancellationToken)));
        return [.. nodes.OfType<JsonObject>()];
    }

    /// <summary>Each node's report, asked in parallel; a node whose agent does not answer in time has none.</summary>
    private async Task<Dictionary<string, NodeUsageReport>> MeasureAsync(IReadOnlyList<JsonObject> nodes, CancellationToken cancellationToken)
    {
        var asked = await Task.WhenAll(nodes.Select(async node =>
        {
            var nodeName = Name(node);
            try
            {
                var report = await PodAgents.AgentOf(grains, nodeName, node).GetUsageAsync().WaitAsync(AgentDeadline, cancellationToken);
                return (nodeName, Report: (NodeUsageReport?)report);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return (nodeName, Report: null);
            }
        }));
        return asked.Where(a => a.Report is not null).ToDictionary(a => a.nodeName, a => a.Report!, StringComparer.Ordinal);
    }

    private static async Task WriteAsync<T>(HttpContext context, ResourceTarget target, List<T> items)
        where T : KubernetesObject
    {
        if (target.Name is not null)
        {
            var item = items.SingleOrDefault() ?? throw new KubeStatusException(NotFound(target));
            await ApiResponses.WriteAsync(context, 200, KubernetesJson.SerializeToNode(item));
            return;
        }
        var list = new KubernetesList<T>
        {
            ApiVersion = target.Kind.ApiVersion,
            Kind = target.Kind.ListKind,
            Metadata = new ListMeta(),
            Items = items,
        };
        await ApiResponses.WriteAsync(context, 200, KubernetesJson.SerializeToNode(list));
    }

    /// <summary>As metrics-server words it: <c>podmetrics.metrics.k8s.io "default/web" not found</c>.</summary>
    private static JsonObject NotFound(ResourceTarget target) =>
        KubeStatus.NotFound(new GroupResource(target.Kind.Group, target.Kind.Plural), target.Namespace is null ? target.Name! : $"{target.Namespace}/{target.Name}");

    private static string Name(JsonObject obj) => (string?)obj["metadata"]?["name"] ?? "";
}
