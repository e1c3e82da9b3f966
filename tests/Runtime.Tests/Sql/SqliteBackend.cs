using Actors.Storage;
using Actors.TestSupport;
using Microsoft.Data.Sqlite;

namespace Actors.Runtime.Tests.Sql;

public sealed class SqliteBackend : SqlBackend
{
    protected override Task<(Func<Database> Open, Func<ValueTask> Cleanup)> CreateDatabaseAsync()
    {
        var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "actors.db");
        return Task.FromResult<(Func<Database>, Func<ValueTask>)>((() => Database.ForSqliteFile(path), () =>
        {
            SqliteConnection.ClearAllPools();
            directory.Dispose();
            return ValueTask.CompletedTask;
        }));
    }
}
