using System.Data;
using System.Data.Common;

namespace Actors.Grains.Store;

/// <summary>Builds and runs parameterized commands the same way on both providers.</summary>
internal static class StoreCommand
{
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            if (value is null)
            {
                // A typed null: PostgreSQL cannot infer the type of an untyped one.
                parameter.DbType = DbType.String;
                parameter.Value = DBNull.Value;
            }
            else
            {
                parameter.Value = value;
            }
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="statements"/> as one batch (one round trip on PostgreSQL) inside its own savepoint:
    /// all of them take effect or, when one fails, none does and the transaction goes on.
    /// </summary>
    public static async Task ExecuteAtomicAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> statements, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var sql = $"SAVEPOINT {AtomicSavepoint}; {string.Join("; ", statements.Where(s => s.Length > 0))}; RELEASE SAVEPOINT {AtomicSavepoint}";
        try
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken, parameters);
        }
        catch
        {
            await ExecuteAsync(connection, transaction, $"ROLLBACK TO SAVEPOINT {AtomicSavepoint}", CancellationToken.None);
            throw;
        }
    }

    private const string AtomicSavepoint = "atomic_batch";

    /// <summary>The first column of the first row as a number; null when there is no row or it is NULL.</summary>
    public static async Task<long?> ScalarInt64Async(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads changes (revision, kind, ns, name, type, object) in the order the query returns them.</summary>
    public static async Task<List<StoredChange>> ReadChangesAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Create(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<StoredChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new StoredChange(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                WatchEventTypes.FromWire(reader.GetString(4)),
                reader.GetString(5)));
        }
        return changes;
    }
}
