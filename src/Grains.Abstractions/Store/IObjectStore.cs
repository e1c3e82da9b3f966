using System.Text.Json.Nodes;

namespace Actors.Grains.Abstractions.Store;

/// <summary>
/// The Kubernetes object store (etcd's role): raw JSON objects keyed by (kind, namespace, name) with one global,
/// monotonic revision, a change history for list-at-revision and watch, and compaction. <c>kind</c> is
/// <c>group/Kind</c> (<c>apps/Deployment</c>) or just <c>Kind</c> for the core group; namespace is "" for
/// cluster-scoped objects. Every write is conditional where Kubernetes makes it so, and its outcome is a value.
/// </summary>
public interface IObjectStore
{
    /// <summary>Stores a new object; sets metadata.uid, creationTimestamp, resourceVersion and generation 1.</summary>
    Task<CreateResult> CreateAsync(string kind, JsonObject obj, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the object when its stored resourceVersion equals <paramref name="expectedResourceVersion"/>
    /// (null: unconditionally). Keeps uid and creationTimestamp; bumps generation only when <c>spec</c> changed;
    /// an update that changes nothing is not written and keeps the resourceVersion.
    /// </summary>
    Task<UpdateResult> UpdateAsync(string kind, JsonObject obj, string? expectedResourceVersion, CancellationToken cancellationToken = default);

    /// <summary>Removes the object (finalizers are the caller's business) and records DELETED at a new revision.</summary>
    Task<DeleteResult> DeleteAsync(string kind, string ns, string name, string? expectedResourceVersion, string? expectedUid, CancellationToken cancellationToken = default);

    Task<JsonObject?> GetAsync(string kind, string ns, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists one kind in one namespace (null: all namespaces), paged by key, consistent at one revision.</summary>
    /// <exception cref="TooOldResourceVersionException">An exact revision or a continue token older than the history.</exception>
    Task<ListResult> ListAsync(string kind, string? ns, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The objects of a kind in a namespace whose ownerReferences name <paramref name="ownerUid"/>, by index.</summary>
    Task<IReadOnlyList<JsonObject>> ListByOwnerAsync(string kind, string ns, string ownerUid, CancellationToken cancellationToken = default);

    /// <summary>
    /// The objects of a kind in a namespace with no ownerReferences at all, by index: what an owner may adopt,
    /// without reading every object of the namespace.
    /// </summary>
    Task<IReadOnlyList<JsonObject>> ListUnownedAsync(string kind, string ns, CancellationToken cancellationToken = default);

    /// <summary>The objects of a kind whose <c>spec.nodeName</c> is <paramref name="nodeName"/>, by index (pods on a node).</summary>
    Task<IReadOnlyList<JsonObject>> ListByNodeAsync(string kind, string nodeName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every change after <paramref name="fromRevision"/> of one kind (null: all) in one namespace (null: all), in
    /// revision order without gaps, replayed from the history and then live until cancelled.
    /// </summary>
    /// <exception cref="TooOldResourceVersionException">The history after <paramref name="fromRevision"/> was compacted.</exception>
    IAsyncEnumerable<WatchEvent> WatchAsync(string? kind, string? ns, long fromRevision, CancellationToken cancellationToken = default);

    Task<long> CurrentRevisionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops history at or before <paramref name="revision"/> that no list at a later revision needs (superseded
    /// changes and deletions); watches from an older revision then fail with 410. Returns the compacted revision.
    /// </summary>
    Task<long> CompactAsync(long revision, CancellationToken cancellationToken = default);
}
