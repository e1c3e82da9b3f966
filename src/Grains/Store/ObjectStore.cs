using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Actors.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Grains.Store;

/// <summary>
/// <see cref="IObjectStore"/> on the cluster's <see cref="Database"/> (PostgreSQL or SQLite).
/// <para>
/// Revisions: every write transaction first increments the single row of <c>object_store_revision</c>
/// (<c>UPDATE … RETURNING</c>). The row lock it takes is held until commit, so writers run one at a time and
/// commit in revision order: once revision N is visible, every revision below N is visible too, and a watcher
/// reading "changes after my cursor" can never skip a revision that a slower transaction commits late (the gap
/// kine has to detect and wait out). A rolled-back write gives its revision back. The price is that writes are
/// serialized, as they are in etcd's log; they are short, and concurrent ones share a transaction and its
/// commit (<see cref="GroupCommit"/>). On SQLite the process's write lock serializes anyway.
/// </para>
/// <para>
/// Lists: a page is consistent at one revision R. When R is still the current revision the page is read from
/// <c>objects</c>; otherwise (a continue page after writes, or an exact resourceVersion) from the history, as
/// kine does: for each key the newest change at or before R unless it is a deletion. Compaction keeps exactly
/// those rows, so any R not older than the compacted revision can be listed; older ones are 410.
/// </para>
/// <para>
/// Secrets: with <see cref="ObjectStoreOptions.SecretsKey"/> set, a Secret's JSON is sealed with AES-GCM in its
/// object row and its change rows, and every read opens it again (<see cref="StoredObjectCodec"/>).
/// </para>
/// </summary>
public sealed class ObjectStore : IObjectStore, IAsyncDisposable
{
    private const int ReplayBatchSize = 500;
    private const int ListBatchSize = 500;

    private readonly Database _database;
    private readonly StoreDialect _dialect;
    private readonly ObjectStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ChangeFeed _feed;
    private readonly StoredObjectCodec _codec;
    private readonly GroupCommit? _commits;
    private readonly TransactionRevisions _revisions;
    private readonly CancellationTokenSource _stopping = new();
    private Task _compactionLoop = Task.CompletedTask;

    private ObjectStore(Database database, ObjectStoreOptions options, TimeProvider time, ILogger logger)
    {
        _database = database;
        _dialect = StoreDialect.For(database.Provider);
        _options = options;
        _time = time;
        _logger = logger;
        _feed = new ChangeFeed(database, options, time, logger);
        _codec = new StoredObjectCodec(options.SecretsKey);
        // SQLite: the database's own group commit, which every writer of the process shares. PostgreSQL: object
        // writes queue on the revision row anyway, so grouping them saves a commit per write, and one NOTIFY per
        // transaction wakes every other silo's feed (listeners read the changes after their cursor).
        _revisions = new TransactionRevisions(_dialect);
        _commits = _dialect.NotifySql is { } notify
            ? new GroupCommit(database, new GroupCommitOptions
            {
                OnBegin = (connection, transaction) => _revisions.BeginAsync(connection, transaction, CancellationToken.None),
                BeforeCommit = (connection, transaction) => StoreCommand.ExecuteAsync(connection, transaction, notify, CancellationToken.None),
                // Every object write is one atomic batch (WriteAsync): no savepoint round trips around it.
                IsolateWrites = false,
            })
            : null;
    }

    /// <summary>Creates or migrates the schema, starts the change feed and the background compaction.</summary>
    public static async Task<ObjectStore> OpenAsync(
        Database database,
        ObjectStoreOptions? options = null,
        TimeProvider? time = null,
        ILogger<ObjectStore>? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        options ??= new ObjectStoreOptions();
        options.Validate();
        var store = new ObjectStore(database, options, time ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance);
        await StoreSchema.EnsureAsync(database, store._dialect, store._logger, cancellationToken);
        await store._feed.StartAsync(cancellationToken);
        if (options.CompactionInterval > TimeSpan.Zero)
        {
            store._compactionLoop = Task.Run(() => store.CompactionLoopAsync(store._stopping.Token), CancellationToken.None);
        }
        return store;
    }

    public Task<CreateResult> CreateAsync(string kind, JsonObject obj, CancellationToken cancellationToken = default)
    {
        ValidateKind(kind);
        ArgumentNullException.ThrowIfNull(obj);
        var (ns, name) = ObjectMetadata.ReadKey(obj);
        return WriteAsync<CreateResult>(async (connection, transaction, revision) =>
        {
            if (await ReadObjectAsync(connection, transaction, kind, ns, name, cancellationToken) is { } existing)
            {
                return (new CreateResult.AlreadyExists(existing.Object), false);
            }
            var stored = ObjectMetadata.PrepareCreate(obj, revision, Guid.NewGuid(), _time.GetUtcNow());
            var json = _codec.Encode(kind, ns, name, stored.ToJsonString());
            var owners = ObjectMetadata.OwnerUids(stored);
            await StoreCommand.ExecuteAtomicAsync(connection, transaction,
                [StoreSql.InsertObject, StoreSql.InsertOwners(owners.Count), StoreSql.InsertChange, StoreSql.StoreRevision], cancellationToken,
                [.. ObjectParameters(kind, ns, name, stored, revision, json),
                    .. ChangeParameters(WatchEventType.Added, 0), .. OwnerParameters(owners)]);
            return (new CreateResult.Created(stored), true);
        }, cancellationToken);
    }

    public Task<UpdateResult> UpdateAsync(string kind, JsonObject obj, string? expectedResourceVersion, CancellationToken cancellationToken = default)
    {
        ValidateKind(kind);
        ArgumentNullException.ThrowIfNull(obj);
        var (ns, name) = ObjectMetadata.ReadKey(obj);
        var expected = ParsePrecondition(expectedResourceVersion);
        var incomingUid = ObjectMetadata.Uid(obj);
        return WriteAsync<UpdateResult>(async (connection, transaction, revision) =>
        {
            if (await ReadObjectAsync(connection, transaction, kind, ns, name, cancellationToken) is not { } current)
            {
                return (new UpdateResult.NotFound(), false);
            }
            if ((expected is { } rv && rv != current.Revision)
                || (!string.IsNullOrEmpty(incomingUid) && incomingUid != ObjectMetadata.Uid(current.Object)))
            {
                return (new UpdateResult.Conflict(current.Object), false);
            }
            if (ObjectMetadata.PrepareUpdate(current.Object, obj, revision) is not { } stored)
            {
                return (new UpdateResult.Updated(current.Object), false);
            }
            var json = _codec.Encode(kind, ns, name, stored.ToJsonString());
            var owners = ObjectMetadata.OwnerUids(stored);
            // Most updates (status) keep the owners: their rows stay.
            var ownersChanged = !owners.SequenceEqual(ObjectMetadata.OwnerUids(current.Object));
            await StoreCommand.ExecuteAtomicAsync(connection, transaction,
                [StoreSql.UpdateObject, ownersChanged ? StoreSql.DeleteOwners : "", StoreSql.InsertOwners(ownersChanged ? owners.Count : 0),
                    StoreSql.InsertChange, StoreSql.StoreRevision], cancellationToken,
                [.. ObjectParameters(kind, ns, name, stored, revision, json),
                    .. ChangeParameters(WatchEventType.Modified, current.Revision), .. OwnerParameters(ownersChanged ? owners : [])]);
            return (new UpdateResult.Updated(stored), true);
        }, cancellationToken);
    }

    public Task<DeleteResult> DeleteAsync(string kind, string ns, string name, string? expectedResourceVersion, string? expectedUid, CancellationToken cancellationToken = default)
    {
        ValidateKind(kind);
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var expected = ParsePrecondition(expectedResourceVersion);
        return WriteAsync<DeleteResult>(async (connection, transaction, revision) =>
        {
            if (await ReadObjectAsync(connection, transaction, kind, ns, name, cancellationToken) is not { } current)
            {
                return (new DeleteResult.NotFound(), false);
            }
            if ((expected is { } rv && rv != current.Revision)
                || (!string.IsNullOrEmpty(expectedUid) && expectedUid != ObjectMetadata.Uid(current.Object)))
            {
                return (new DeleteResult.Conflict(current.Object), false);
            }
            var last = ObjectMetadata.WithResourceVersion(current.Object, revision);
            await StoreCommand.ExecuteAtomicAsync(connection, transaction,
                [StoreSql.DeleteObject, StoreSql.DeleteOwners, StoreSql.InsertChange, StoreSql.StoreRevision], cancellationToken,
                [.. KeyParameters(kind, ns, name), ("revision", revision), ("object", _codec.Encode(kind, ns, name, last.ToJsonString())),
                    .. ChangeParameters(WatchEventType.Deleted, current.Revision)]);
            return (new DeleteResult.Deleted(last), true);
        }, cancellationToken);
    }

    public async Task<JsonObject?> GetAsync(string kind, string ns, string name, CancellationToken cancellationToken = default)
    {
        ValidateKind(kind);
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentException.ThrowIfNullOrEmpty(name);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return (await ReadObjectAsync(connection, null, kind, ns, name, cancellationToken))?.Object;
    }

    public async Task<ListResult> ListAsync(string kind, string? ns, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        ValidateKind(kind);
        options ??= new ListOptions();
        if (options.Limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Limit, "limit must not be negative");
        }
        var token = string.IsNullOrEmpty(options.Continue) ? null : ContinueToken.Decode(options.Continue);
        long? requested = token?.Revision;
        if (token is null && options.Match == ResourceVersionMatch.Exact)
        {
            requested = ObjectMetadata.ParseRevision(options.ResourceVersion, "resourceVersion")
                ?? throw new ArgumentException("resourceVersionMatch=Exact needs a resourceVersion greater than 0", nameof(options));
        }
        else if (token is null)
        {
            // Validates the value; NotOlderThan is answered from the current state, which is never older.
            ObjectMetadata.ParseRevision(options.ResourceVersion, "resourceVersion");
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await _dialect.BeginReadAsync(connection, cancellationToken);
        var current = await StoreCommand.ScalarInt64Async(connection, transaction, StoreSql.CurrentRevision, cancellationToken) ?? 0;
        var compacted = await StoreCommand.ScalarInt64Async(connection, transaction, StoreSql.CompactedRevision, cancellationToken) ?? 0;
        var revision = requested ?? current;
        if (revision > current)
        {
            throw new ArgumentOutOfRangeException(nameof(options), revision, $"resourceVersion {revision} is newer than the store's current revision {current}");
        }
        if (revision < compacted)
        {
            throw new TooOldResourceVersionException(revision, compacted);
        }

        var limit = options.Limit is > 0 ? options.Limit.Value : (int?)null;
        var batchSize = limit is { } l ? Math.Min(l + 1, ListBatchSize) : ListBatchSize;
        var items = new List<JsonObject>();
        (string Namespace, string Name)? after = token is null ? null : (token.Namespace, token.Name);
        (string Namespace, string Name)? lastItem = null;
        while (true)
        {
            var rows = await ReadPageAsync(connection, transaction, kind, ns, revision, revision != current, after, batchSize, cancellationToken);
            foreach (var (rowNs, rowName, json) in rows)
            {
                after = (rowNs, rowName);
                var obj = ParseObject(_codec.Decode(kind, rowNs, rowName, json));
                if (options.Filter is { } filter && !filter(obj))
                {
                    continue;
                }
                if (limit is { } max && items.Count == max)
                {
                    var next = new ContinueToken(revision, lastItem!.Value.Namespace, lastItem.Value.Name).Encode();
                    return new ListResult(items, revision.ToString(CultureInfo.InvariantCulture), next);
                }
                items.Add(obj);
                lastItem = (rowNs, rowName);
            }
            if (rows.Count < batchSize)
            {
                return new ListResult(items, revision.ToString(CultureInfo.InvariantCulture), null);
            }
        }
    }

    public async Task<IReadOnlyList<JsonObject>> ListByOwnerAsync(string kind, string ns, string ownerUid, CancellationToken cancellationToken = default)
    {
        ValidateKind(kind);
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentException.ThrowIfNullOrEmpty(ownerUid);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await ReadObjectsAsync(connection, kind, StoreSql.SelectByOwner, cancellationToken, ("owner", ownerUid), ("kind", kind), ("ns", ns));
    }

    public async Task<IReadOnlyList<JsonObject>> ListUnownedAsync(string kind, string ns, CancellationToken cancellationToken = default)
    {
        ValidateKind(kind);
        ArgumentNullException.ThrowIfNull(ns);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await ReadObjectsAsync(connection, kind, StoreSql.SelectUnowned, cancellationToken, ("kind", kind), ("ns", ns));
    }

    public async Task<IReadOnlyList<JsonObject>> ListByNodeAsync(string kind, string nodeName, CancellationToken cancellationToken = default)
    {
        ValidateKind(kind);
        ArgumentException.ThrowIfNullOrEmpty(nodeName);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await ReadObjectsAsync(connection, kind, StoreSql.SelectByNode, cancellationToken, ("kind", kind), ("node", nodeName));
    }

    /// <summary>
    /// Subscribes to the feed first, then replays the history after the cursor, then takes live events newer
    /// than the cursor. A change committed after the subscription reaches the subscription; one committed before
    /// it is seen by the replay, which reads after subscribing: no gap, and duplicates are skipped by revision.
    /// A watcher whose queue overflowed resubscribes and replays from its cursor.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(string? kind, string? ns, long fromRevision, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (kind is not null)
        {
            ValidateKind(kind);
        }
        ArgumentOutOfRangeException.ThrowIfNegative(fromRevision);
        var cursor = fromRevision;
        var sql = StoreSql.SelectChangesAfter
            + (kind is null ? "" : StoreSql.ChangesOfKind)
            + (ns is null ? "" : StoreSql.ChangesInNamespace)
            + StoreSql.OrderChangesLimit;
        while (true)
        {
            using var subscription = _feed.Subscribe(kind, ns);
            while (true)
            {
                List<StoredChange> page;
                await using (var connection = await _database.OpenConnectionAsync(cancellationToken))
                {
                    page = await StoreCommand.ReadChangesAsync(connection, sql, cancellationToken, ReplayParameters(kind, ns, cursor));
                    // Read after the page: a compaction that removed rows the page needed shows here.
                    var compacted = await StoreCommand.ScalarInt64Async(connection, null, StoreSql.CompactedRevision, cancellationToken) ?? 0;
                    if (compacted > cursor)
                    {
                        throw new TooOldResourceVersionException(cursor, compacted);
                    }
                }
                foreach (var change in page)
                {
                    yield return ToEvent(change);
                    cursor = change.Revision;
                }
                if (page.Count < ReplayBatchSize)
                {
                    break;
                }
            }
            while (await subscription.Reader.WaitToReadAsync(cancellationToken))
            {
                while (subscription.Reader.TryRead(out var change))
                {
                    if (change.Revision <= cursor)
                    {
                        continue;
                    }
                    yield return ToEvent(change);
                    cursor = change.Revision;
                }
            }
            if (!subscription.Overflowed)
            {
                // The store is shutting down.
                yield break;
            }
        }
    }

    public async Task<long> CurrentRevisionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        return await StoreCommand.ScalarInt64Async(connection, null, StoreSql.CurrentRevision, cancellationToken) ?? 0;
    }

    public async Task<long> CompactAsync(long revision, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        var sqliteLock = _dialect.IsSqlite ? _database.SqliteWriteLock : null;
        if (sqliteLock is not null)
        {
            await sqliteLock.WaitAsync(cancellationToken);
        }
        try
        {
            await using var connection = await _database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await _database.BeginWriteAsync(connection, cancellationToken);
            var current = await StoreCommand.ScalarInt64Async(connection, transaction, StoreSql.CurrentRevision, cancellationToken) ?? 0;
            var target = Math.Min(revision, current);
            // The row lock on the compaction row also makes concurrent compactions (other silos) take turns.
            var raised = await StoreCommand.ExecuteAsync(connection, transaction, StoreSql.RaiseCompactedRevision, cancellationToken, ("revision", target));
            if (raised == 0)
            {
                var compacted = await StoreCommand.ScalarInt64Async(connection, transaction, StoreSql.CompactedRevision, cancellationToken) ?? 0;
                await transaction.CommitAsync(cancellationToken);
                return compacted;
            }
            await StoreCommand.ExecuteAsync(connection, transaction, StoreSql.DeleteSupersededChanges, cancellationToken, ("revision", target));
            await StoreCommand.ExecuteAsync(connection, transaction, StoreSql.DeleteCompactedDeletions, cancellationToken, ("revision", target));
            await transaction.CommitAsync(cancellationToken);
            ObjectStoreLog.Compacted(_logger, target);
            return target;
        }
        finally
        {
            sqliteLock?.Release();
        }
    }

    /// <summary>Runs one round of the background compaction policy now; returns the compacted revision or null.</summary>
    public async Task<long?> CompactByPolicyAsync(CancellationToken cancellationToken = default)
    {
        long current;
        long compacted;
        long? beforeCutoff;
        await using (var connection = await _database.OpenConnectionAsync(cancellationToken))
        {
            current = await StoreCommand.ScalarInt64Async(connection, null, StoreSql.CurrentRevision, cancellationToken) ?? 0;
            compacted = await StoreCommand.ScalarInt64Async(connection, null, StoreSql.CompactedRevision, cancellationToken) ?? 0;
            var cutoff = (_time.GetUtcNow() - _options.RetainDuration).ToUnixTimeMilliseconds();
            beforeCutoff = await StoreCommand.ScalarInt64Async(connection, null, StoreSql.NewestRevisionBefore, cancellationToken, ("cutoff", cutoff));
        }
        if (CompactionPolicy.Choose(current, beforeCutoff, _options.RetainRevisions, compacted) is not { } target)
        {
            return null;
        }
        return await CompactAsync(target, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _compactionLoop;
        if (_commits is not null)
        {
            await _commits.DisposeAsync();
        }
        await _feed.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task CompactionLoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_options.CompactionInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await CompactByPolicyAsync(stopping);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    ObjectStoreLog.CompactionFailed(_logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    /// <summary>
    /// One write, inside a group commit: runs <paramref name="body"/> with the revision it gets if kept (the
    /// transaction holds the writers' lock, see the class comment). A body that keeps its changes makes them in
    /// one atomic batch that also stores the revision; one that declines has changed nothing. Returns once the
    /// write is durable, and wakes this silo's watchers.
    /// </summary>
    private async Task<TResult> WriteAsync<TResult>(Func<DbConnection, DbTransaction, long, Task<(TResult Result, bool Commit)>> body, CancellationToken cancellationToken)
    {
        var kept = false;
        async Task<(TResult, bool)> Write(DbConnection connection, DbTransaction transaction)
        {
            var revision = await _revisions.NextAsync(connection, transaction, cancellationToken);
            var (result, commit) = await body(connection, transaction, revision);
            if (commit)
            {
                _revisions.Taken(revision);
            }
            kept = commit;
            return (result, commit);
        }
        var written = _commits is not null
            ? await _commits.WriteAsync<TResult>(Write, cancellationToken)
            : await _database.WriteAsync<TResult>(Write, cancellationToken);
        if (kept)
        {
            _feed.Signal();
        }
        return written;
    }

    private static (string, object?)[] KeyParameters(string kind, string ns, string name) => [("kind", kind), ("ns", ns), ("name", name)];

    private static (string, object?)[] ObjectParameters(string kind, string ns, string name, JsonObject stored, long revision, string json) =>
    [
        .. KeyParameters(kind, ns, name), ("uid", ObjectMetadata.Uid(stored)), ("revision", revision),
        ("generation", stored["metadata"]!["generation"]!.GetValue<long>()), ("node", ObjectMetadata.NodeName(stored)),
        ("owned", ObjectMetadata.OwnerUids(stored).Count > 0 ? 1 : 0), ("object", json),
    ];

    /// <summary>The change row's own parameters; it shares key, revision and object with the object row.</summary>
    private (string, object?)[] ChangeParameters(WatchEventType type, long previousRevision) =>
        [("type", WatchEventTypes.ToWire(type)), ("prev", previousRevision), ("createdAt", _time.GetUtcNow().ToUnixTimeMilliseconds())];

    private static IEnumerable<(string, object?)> OwnerParameters(IReadOnlyList<string> owners) =>
        owners.Select((owner, i) => ($"owner{i}", (object?)owner));

    private async Task<(JsonObject Object, long Revision)?> ReadObjectAsync(DbConnection connection, DbTransaction? transaction, string kind, string ns, string name, CancellationToken cancellationToken)
    {
        await using var command = StoreCommand.Create(connection, transaction, StoreSql.SelectObject, ("kind", kind), ("ns", ns), ("name", name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return (ParseObject(_codec.Decode(kind, ns, name, reader.GetString(0))), reader.GetInt64(1));
    }

    /// <summary>Rows of one kind, read as (object, ns, name).</summary>
    private async Task<IReadOnlyList<JsonObject>> ReadObjectsAsync(DbConnection connection, string kind, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = StoreCommand.Create(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var objects = new List<JsonObject>();
        while (await reader.ReadAsync(cancellationToken))
        {
            objects.Add(ParseObject(_codec.Decode(kind, reader.GetString(1), reader.GetString(2), reader.GetString(0))));
        }
        return objects;
    }

    private static async Task<List<(string Namespace, string Name, string Json)>> ReadPageAsync(
        DbConnection connection, DbTransaction transaction, string kind, string? ns, long revision, bool fromHistory,
        (string Namespace, string Name)? after, int limit, CancellationToken cancellationToken)
    {
        var prefix = fromHistory ? "c." : "";
        var sql = fromHistory ? StoreSql.SelectPageAtRevision : StoreSql.SelectCurrentPage;
        var parameters = new List<(string, object?)> { ("kind", kind), ("limit", limit) };
        if (fromHistory)
        {
            parameters.Add(("revision", revision));
        }
        if (ns is not null)
        {
            sql += string.Format(CultureInfo.InvariantCulture, StoreSql.PageInNamespace, prefix);
            parameters.Add(("ns", ns));
        }
        if (after is { } key)
        {
            sql += string.Format(CultureInfo.InvariantCulture, StoreSql.PageAfterKey, prefix);
            parameters.Add(("afterNs", key.Namespace));
            parameters.Add(("afterName", key.Name));
        }
        sql += string.Format(CultureInfo.InvariantCulture, StoreSql.PageOrder, prefix);
        await using var command = StoreCommand.Create(connection, transaction, sql, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return rows;
    }

    private static (string Name, object? Value)[] ReplayParameters(string? kind, string? ns, long after)
    {
        var parameters = new List<(string, object?)> { ("after", after), ("limit", ReplayBatchSize) };
        if (kind is not null)
        {
            parameters.Add(("kind", kind));
        }
        if (ns is not null)
        {
            parameters.Add(("ns", ns));
        }
        return [.. parameters];
    }

    private WatchEvent ToEvent(StoredChange change) =>
        new(change.Type, change.Kind, ParseObject(_codec.Decode(change.Kind, change.Namespace, change.Name, change.Json)), change.Revision);

    private static JsonObject ParseObject(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("the object store holds a row that is not a JSON object");

    private static long? ParsePrecondition(string? resourceVersion)
    {
        if (string.IsNullOrEmpty(resourceVersion))
        {
            return null;
        }
        return long.TryParse(resourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw new ArgumentException($"resourceVersion '{resourceVersion}' is not a valid resource version", nameof(resourceVersion));
    }

    private static void ValidateKind(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
    }
}
