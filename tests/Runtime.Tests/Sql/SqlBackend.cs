using Actors.Runtime.Sql;
using Actors.Storage;

namespace Actors.Runtime.Tests.Sql;

/// <summary>
/// One database per test class. Each test takes a fresh cluster id in it, which the stores scope every row
/// by, so tests in a class never see each other's rows and the schema installer runs again on a live schema.
/// </summary>
public abstract class SqlBackend : IAsyncLifetime
{
    private readonly List<Func<ValueTask>> _cleanups = [];

    public Database Database { get; private set; } = null!;

    public Task<SqlStores> NewClusterAsync() =>
        SqlStores.CreateAsync(Database, "cluster-" + Guid.NewGuid().ToString("N")[..12], TestContext.Current.CancellationToken);

    /// <summary>An empty database of this backend besides the shared one, removed with the fixture.</summary>
    public async Task<Database> CreateEmptyDatabaseAsync()
    {
        var (database, cleanup) = await CreateDatabaseAsync();
        _cleanups.Add(cleanup);
        return database;
    }

    public async ValueTask InitializeAsync()
    {
        Database = await CreateEmptyDatabaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cleanup in _cleanups)
        {
            await cleanup();
        }
        GC.SuppressFinalize(this);
    }

    protected abstract Task<(Database Database, Func<ValueTask> Cleanup)> CreateDatabaseAsync();
}
