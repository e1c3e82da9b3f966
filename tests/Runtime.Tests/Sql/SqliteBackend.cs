using Actors.Storage;
using Actors.TestSupport;
using Microsoft.Data.Sqlite;

namespace Actors.Runtime.Tests.Sql;

public sealed class SqliteBackend : SqlBackend
{
    protected override Task<(Database Database, Func<ValueTask> Cleanup)> CreateDatabaseAsync()
    {
        var directory = new TempDirectory();
        var database = Database.ForSqliteFile(Path.Combine(directory.Path, "actors.db"));
        return Task.FromResult<(Database, Func<ValueTask>)>((database, async () =>
        {
            await database.DisposeAsync();
            SqliteConnection.ClearAllPools();
            directory.Dispose();
        }));
    }
}
