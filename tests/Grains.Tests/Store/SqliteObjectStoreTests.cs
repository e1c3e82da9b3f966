using Actors.Storage;
using Actors.TestSupport;

namespace Actors.Grains.Tests.Store;

[Trait("Category", "Unit")]
public sealed class SqliteObjectStoreTests : ObjectStoreConformanceTests
{
    private readonly TempDirectory _directory = new();

    protected override Task<Database> OpenDatabaseAsync() =>
        Task.FromResult(Database.ForSqliteFile(Path.Combine(_directory.Path, "objects.db")));

    protected override ValueTask DisposeBackendAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
