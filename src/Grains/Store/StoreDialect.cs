using System.Data;
using System.Data.Common;
using Actors.Storage;
using Microsoft.Data.Sqlite;

namespace Actors.Grains.Store;

/// <summary>
/// Everything in which the object store's PostgreSQL and SQLite differ; the SQL itself is shared
/// (<see cref="StoreSql"/>).
/// </summary>
internal sealed class StoreDialect
{
    /// <summary>The PostgreSQL channel every write notifies, so that each silo's change feed wakes at once.</summary>
    public const string NotifyChannel = "actors_object_changes";

    private StoreDialect(DatabaseProvider provider, string? notifySql, string? schemaLockSql, string lockRevisionSql)
    {
        Provider = provider;
        NotifySql = notifySql;
        SchemaLockSql = schemaLockSql;
        LockRevisionSql = lockRevisionSql;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Run inside a write transaction; PostgreSQL delivers it on commit. Null where nothing listens.</summary>
    public string? NotifySql { get; }

    /// <summary>Serializes schema creation between processes starting together; null where one process writes.</summary>
    public string? SchemaLockSql { get; }

    /// <summary>
    /// Reads the current revision in a write transaction, locking its row until commit where other processes write
    /// (on SQLite the transaction already holds the database's write lock).
    /// </summary>
    public string LockRevisionSql { get; }

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    public static StoreDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => new StoreDialect(
            provider,
            $"SELECT pg_notify('{NotifyChannel}', '')",
            // An arbitrary constant naming "the object store's schema" among advisory locks.
            "SELECT pg_advisory_xact_lock(7318240591)",
            StoreSql.CurrentRevision + " FOR UPDATE"),
        DatabaseProvider.Sqlite => new StoreDialect(provider, null, null, StoreSql.CurrentRevision),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "unsupported database provider"),
    };

    /// <summary>
    /// A read transaction that sees one snapshot, so that the revision and the rows of a list page agree.
    /// SQLite's deferred transaction takes its snapshot at the first read.
    /// </summary>
    public async ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
}
