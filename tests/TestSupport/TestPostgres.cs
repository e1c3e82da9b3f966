using Npgsql;

namespace Actors.TestSupport;

/// <summary>
/// A fresh, empty PostgreSQL database per test class on the server named by <c>ACTORS_TEST_POSTGRES</c>
/// (set by the test script from deploy/postgres.sh). Tests that need PostgreSQL fail, never skip, when it is
/// missing: a skipped storage suite would hide exactly the bugs it exists for.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string EnvironmentVariable = "ACTORS_TEST_POSTGRES";

    private readonly string _serverConnectionString;

    private TestPostgres(string serverConnectionString, string databaseName, string connectionString)
    {
        _serverConnectionString = serverConnectionString;
        DatabaseName = databaseName;
        ConnectionString = connectionString;
    }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    public static Task<TestPostgres> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable)
            ?? throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: run the tests through ./test.sh, which starts PostgreSQL (deploy/postgres.sh).");
        return CreateAsync(server, "actors_test_");
    }

    /// <summary>A fresh database on the given server; the benchmarks use it too, with their own name prefix.</summary>
    public static async Task<TestPostgres> CreateAsync(string server, string namePrefix)
    {
        var name = namePrefix + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestPostgres(server, name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
