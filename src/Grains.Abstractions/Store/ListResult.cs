using System.Text.Json.Nodes;

namespace Actors.Grains.Abstractions.Store;

/// <summary>
/// One page of a list: the items ordered by namespace and name, the revision the page is consistent at (the
/// list's metadata.resourceVersion, where a following watch starts) and a continue token when more may remain.
/// </summary>
public sealed record ListResult(IReadOnlyList<JsonObject> Items, string ResourceVersion, string? Continue);
