using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Store;

namespace Actors.Gateway.Dashboard.Objects;

/// <summary>Reads one page of deployments, pods or nodes from the object store and summarizes it into rows.</summary>
public static class ObjectPages
{
    public static async Task<ObjectPage<DeploymentRow>> DeploymentsAsync(IObjectStore store, ObjectQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (items, more) = await ReadAsync(store, "Deployment", query.Namespace, query, cancellationToken);
        return new(now, "deployments", query.Namespace, query.Offset, query.Limit, more, items.Select(d => ObjectRows.Deployment(d, now)).ToArray());
    }

    public static async Task<ObjectPage<PodRow>> PodsAsync(IObjectStore store, ObjectQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (items, more) = await ReadAsync(store, "Pod", query.Namespace, query, cancellationToken);
        return new(now, "pods", query.Namespace, query.Offset, query.Limit, more, items.Select(p => ObjectRows.Pod(p, now)).ToArray());
    }

    /// <summary>Nodes are cluster-scoped: the namespace is ignored. Each node's pods come from the store's node index.</summary>
    public static async Task<ObjectPage<NodeRow>> NodesAsync(IObjectStore store, ObjectQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (items, more) = await ReadAsync(store, "Node", null, query, cancellationToken);
        var rows = new List<NodeRow>(items.Count);
        foreach (var node in items)
        {
            var name = (string?)node["metadata"]?["name"] ?? "";
            rows.Add(ObjectRows.Node(node, await store.ListByNodeAsync("Pod", name, cancellationToken), now));
        }
        return new(now, "nodes", null, query.Offset, query.Limit, more, rows);
    }

    private static async Task<(IReadOnlyList<JsonObject> Items, bool More)> ReadAsync(
        IObjectStore store, string kind, string? ns, ObjectQuery query, CancellationToken cancellationToken)
    {
        var listed = await store.ListAsync(kind, ns, new ListOptions { Limit = query.Offset + query.Limit }, cancellationToken);
        return (listed.Items.Skip(query.Offset).ToArray(), listed.Continue is not null);
    }
}
