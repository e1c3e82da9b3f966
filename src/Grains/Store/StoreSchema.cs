using Actors.Storage;

namespace Actors.Grains.Store;

/// <summary>
/// Creates and migrates the object store's tables in one transaction. On PostgreSQL an advisory lock makes
/// silos starting together take turns; on SQLite the process's write lock does.
/// </summary>
internal static class StoreSchema
{
    public static async Task EnsureAsync(Database database, StoreDialect dialect, ILogger logger, CancellationToken cancellationToken)
    {
        var sqliteLock = dialect.IsSqlite ? database.SqliteWriteLock : null;
        if (sqliteLock is not null)
        {
            await sqliteLock.WaitAsync(cancellationToken);
        }
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
            if (dialect.SchemaLockSql is { } schemaLock)
            {
                await StoreCommand.ExecuteAsync(connection, transaction, schemaLock, cancellationToken);
            }
            await StoreCommand.ExecuteAsync(connection, transaction, StoreSql.CreateSchemaTable, cancellationToken);
            var version = (int)(await StoreCommand.ScalarInt64Async(connection, transaction, StoreSql.ReadSchemaVersion, cancellationToken) ?? 0);
            if (version > StoreSql.SchemaVersion)
            {
                throw new InvalidOperationException(
                    $"the object store schema is at version {version}, newer than this build's {StoreSql.SchemaVersion}: upgrade this silo");
            }
            for (var step = version; step < StoreSql.SchemaVersion; step++)
            {
                foreach (var statement in StoreSql.Migrations[step])
                {
                    await StoreCommand.ExecuteAsync(connection, transaction, statement, cancellationToken);
                }
            }
            if (version < StoreSql.SchemaVersion)
            {
                await StoreCommand.ExecuteAsync(connection, transaction, StoreSql.WriteSchemaVersion, cancellationToken, ("version", StoreSql.SchemaVersion));
            }
            await transaction.CommitAsync(cancellationToken);
            if (version < StoreSql.SchemaVersion)
            {
                ObjectStoreLog.SchemaMigrated(logger, version, StoreSql.SchemaVersion);
            }
        }
        finally
        {
            sqliteLock?.Release();
        }
    }
}
