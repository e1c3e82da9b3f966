using Actors.Grains.Abstractions.Resources;

namespace Actors.Gateway.Api;

/// <summary>
/// What a resource URL addresses: a kind, a namespace (null: all namespaces or a cluster-scoped kind), an object
/// name (null: the collection) and a subresource (<c>status</c>, <c>scale</c>...).
/// </summary>
internal sealed record ResourceTarget(ResourceKind Kind, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>The RBAC verb of <paramref name="method"/> on this target (<c>watch</c> only when asked for).</summary>
    public string Verb(string method, bool watch) => method.ToUpperInvariant() switch
    {
        "GET" when Name is null => watch ? "watch" : "list",
        "GET" => watch ? "watch" : "get",
        "POST" => "create",
        "PUT" => "update",
        "PATCH" => "patch",
        "DELETE" when Name is null => "deletecollection",
        "DELETE" => "delete",
        _ => method.ToLowerInvariant(),
    };
}
