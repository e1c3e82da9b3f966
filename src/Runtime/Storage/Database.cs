using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Actors.Storage;

/// <summary>
/// The one database a cluster keeps its state in: PostgreSQL for any number of silos, or an SQLite file for
/// one. Every store in the process (grain state, membership, directory, reminders, objects) shares it.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqliteConnectionString;
    private readonly GroupCommit? _sqliteCommits;
    private int _walEnabled;

    private Database(NpgsqlDataSource postgres)
    {
        Provider = DatabaseProvider.PostgreSql;
        _postgres = postgres;
    }

    private Database(string sqliteConnectionString)
    {
        Provider = DatabaseProvider.Sqlite;
        _sqliteConnectionString = sqliteConnectionString;
        _sqliteCommits = new GroupCommit(this);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>
    /// SQLite allows one writer at a time; writers in this process queue here instead of failing with
    /// SQLITE_BUSY. PostgreSQL needs no such lock.
    /// </summary>
    public SemaphoreSlim SqliteWriteLock { get; } = new(1, 1);

    /// <summary>Connects to PostgreSQL (Npgsql <c>Host=…</c> form or a <c>postgres://</c> URI).</summary>
    public static Database ForPostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize(connectionString));
        if (!connectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) &&
            !connectionString.Contains("Max Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            // Npgsql's default of 100 per process exhausts a stock server (max_connections 100) with two silos;
            // queries are short, so a small pool per silo queues instead of failing.
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            // The stores run a few dozen statements over and over: prepared once per connection, the server
            // skips parsing and planning them (it spent as much CPU as the silos on that under load).
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }
        return new Database(NpgsqlDataSource.Create(builder.ConnectionString));
    }

    public const int DefaultMaxPoolSize = 20;

    private const int AutoPreparedStatements = 100;

    /// <summary>Opens (creating if needed) an SQLite file in WAL mode with synchronous writes.</summary>
    public static Database ForSqliteFile(string path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new Database(builder.ToString());
    }

    public async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }
        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // WAL lets readers run beside the writer and is a property of the file: set once, not on every open.
        // FULL keeps fsync on every commit (durability first).
        var wal = Interlocked.Exchange(ref _walEnabled, 1) == 0 ? "PRAGMA journal_mode=WAL; " : "";
        pragma.CommandText = wal + "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Starts a write transaction. SQLite: <c>BEGIN IMMEDIATE</c>, so the write lock is taken up front and a
    /// read-then-write never fails half way; PostgreSQL: READ COMMITTED, where conditional UPDATEs re-check
    /// their WHERE clause after waiting on a concurrent writer's row lock.
    /// </summary>
    public async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: false)
            : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction; its changes are kept when it asks, rolled back
    /// otherwise (also on an exception). On SQLite every writer of the process shares one group commit, so
    /// concurrent writes cost one fsync; on PostgreSQL each runs alone and the server groups their commits.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken) =>
        _sqliteCommits is not null ? _sqliteCommits.WriteAsync(work, cancellationToken) : WriteAloneAsync(work, cancellationToken);

    private async Task<T> WriteAloneAsync<T>(Func<DbConnection, DbTransaction, Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var (result, commit) = await work(connection, transaction);
        if (commit)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        return result;
    }

    /// <summary>The PostgreSQL data source, for LISTEN/NOTIFY; null on SQLite.</summary>
    public NpgsqlDataSource? PostgresDataSource => _postgres;

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_sqliteCommits is not null)
        {
            await _sqliteCommits.DisposeAsync();
        }
        SqliteWriteLock.Dispose();
    }
}
