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

    /// <summary>
    /// An empty database of this backend besides the shared one, removed with the fixture; the function opens
    /// further independent handles to it (own pool, own SQLite write lock), as separate silo processes would.
    /// </summary>
    public async Task<(Database Database, Func<Database> OpenAnother)> CreateEmptyDatabaseAsync()
    {
        var (open, cleanup) = await CreateDatabaseAsync();
        _cleanups.Add(cleanup);
        return (Track(open()), () => Track(open()));
    }

    public async ValueTask InitializeAsync()
    {
        Database = (await CreateEmptyDatabaseAsync()).Database;
    }

    public async ValueTask DisposeAsync()
    {
        // Handles first, then the databases they point at.
        foreach (var cleanup in Enumerable.Reverse(_cleanups))
        {
            await cleanup();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates an empty database; returns how to open a handle to it and how to remove it.</summary>
    protected abstract Task<(Func<Database> Open, Func<ValueTask> Cleanup)> CreateDatabaseAsync();

    private Database Track(Database database)
    {
        _cleanups.Add(database.DisposeAsync);
        return database;
    }
}
