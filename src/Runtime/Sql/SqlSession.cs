using System.Data.Common;
using Actors.Storage;

namespace Actors.Runtime.Sql;

/// <summary>
/// Opens connections and runs write transactions for the SQL stores, through the database's writer
/// (<see cref="Database.WriteAsync"/>), so writers in this process queue instead of failing busy.
/// </summary>
internal sealed class SqlSession(Database database)
{
    public Database Database { get; } = database;

    public SqlDialect Dialect { get; } = SqlDialect.For(database.Provider);

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return await read(connection);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction, committed when it asks to commit and rolled
    /// back otherwise (including on an exception); see <see cref="Database.WriteAsync"/>.
    /// </summary>
    public Task<T> WriteConditionallyAsync<T>(
        Func<DbConnection, DbTransaction, Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken) =>
        Database.WriteAsync(work, cancellationToken);

    /// <summary>A write whose single result decides nothing about rollback: always committed.</summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WriteConditionallyAsync<T>(async (connection, transaction) => (await work(connection, transaction), true), cancellationToken);

    /// <summary>A parameterized command; parameter names are written without prefix and used as <c>@name</c> in SQL.</summary>
    public static DbCommand Command(
        DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
