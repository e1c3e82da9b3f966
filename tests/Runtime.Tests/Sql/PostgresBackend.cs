using Actors.Storage;
using Actors.TestSupport;

namespace Actors.Runtime.Tests.Sql;

public sealed class PostgresBackend : SqlBackend
{
    protected override async Task<(Database Database, Func<ValueTask> Cleanup)> CreateDatabaseAsync()
    {
        var server = await TestPostgres.CreateAsync();
        var database = Database.ForPostgres(server.ConnectionString);
        return (database, async () =>
        {
            await database.DisposeAsync();
            await server.DisposeAsync();
        });
    }
}
