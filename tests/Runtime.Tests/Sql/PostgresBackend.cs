using Actors.Storage;
using Actors.TestSupport;

namespace Actors.Runtime.Tests.Sql;

public sealed class PostgresBackend : SqlBackend
{
    protected override async Task<(Func<Database> Open, Func<ValueTask> Cleanup)> CreateDatabaseAsync()
    {
        var server = await TestPostgres.CreateAsync();
        return (() => Database.ForPostgres(server.ConnectionString), server.DisposeAsync);
    }
}
