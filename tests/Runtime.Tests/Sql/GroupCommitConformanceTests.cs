using System.Data.Common;
using Actors.Storage;

namespace Actors.Runtime.Tests.Sql;

/// <summary>
/// The group commit's contract on every SQL backend. Each test queues its writes behind a first write that
/// waits on a gate, so they share the next transaction.
/// </summary>
public abstract class GroupCommitConformanceTests(SqlBackend backend)
{
    private readonly string _table = "group_commit_" + Guid.NewGuid().ToString("N")[..12];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IsolatedWrites_AFailedOrDeclinedWriteRollsBackAlone_TheOthersCommitTogether()
    {
        await CreateTableAsync();
        await using var commits = new GroupCommit(backend.Database);
        var (gate, first) = await GatedAsync(commits);

        var kept = commits.WriteAsync(Insert(1, keep: true), Ct);
        var failed = commits.WriteAsync<int>(async (connection, transaction) =>
        {
            await Insert(2, keep: true)(connection, transaction);
            throw new InvalidOperationException("half way");
        }, Ct);
        var declined = commits.WriteAsync(Insert(3, keep: false), Ct);
        gate.SetResult();

        await first;
        Assert.Equal(1, await kept);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        Assert.Equal("half way", error.Message);
        Assert.Equal(3, await declined);
        Assert.Equal([0, 1], await RowsAsync());
    }

    [Fact]
    public async Task AtomicWrites_SkipSavepoints_HooksFrameEachTransaction()
    {
        await CreateTableAsync();
        var calls = new List<string>();
        await using var commits = new GroupCommit(backend.Database, new GroupCommitOptions
        {
            OnBegin = (_, _) => Record(calls, "begin"),
            BeforeCommit = (_, _) => Record(calls, "before commit"),
            IsolateWrites = false,
        });
        var (gate, first) = await GatedAsync(commits);

        var kept = commits.WriteAsync(Insert(1, keep: true), Ct);
        var failed = commits.WriteAsync<int>((_, _) => throw new InvalidOperationException("changed nothing"), Ct);
        var kept2 = commits.WriteAsync(Insert(2, keep: true), Ct);
        gate.SetResult();
        await first;
        Assert.Equal(1, await kept);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        Assert.Equal(2, await kept2);

        // A transaction whose only write declines is rolled back without the commit hook.
        Assert.Equal(3, await commits.WriteAsync(Insert(3, keep: false), Ct));

        Assert.Equal([0, 1, 2], await RowsAsync());
        Assert.Equal(["begin", "before commit", "begin", "before commit", "begin"], calls);
    }

    /// <summary>A first write (row 0), running once this returns, that holds the loop until the gate opens.</summary>
    private async Task<(TaskCompletionSource Gate, Task<int> Write)> GatedAsync(GroupCommit commits)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var write = commits.WriteAsync<int>(async (connection, transaction) =>
        {
            started.SetResult();
            await gate.Task;
            return await Insert(0, keep: true)(connection, transaction);
        }, Ct);
        await started.Task.WaitAsync(Ct);
        return (gate, write);
    }

    private Func<DbConnection, DbTransaction, Task<(int, bool)>> Insert(int id, bool keep) => async (connection, transaction) =>
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {_table} (id) VALUES ({id})";
        await command.ExecuteNonQueryAsync(Ct);
        return (id, keep);
    };

    private static Task Record(List<string> calls, string call)
    {
        calls.Add(call);
        return Task.CompletedTask;
    }

    private async Task CreateTableAsync()
    {
        await using var connection = await backend.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE {_table} (id INTEGER PRIMARY KEY)";
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<List<int>> RowsAsync()
    {
        await using var connection = await backend.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id FROM {_table} ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<int>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetInt32(0));
        }
        return rows;
    }
}

[Trait("Category", "Unit")]
public sealed class SqliteGroupCommitTests(SqliteBackend backend) : GroupCommitConformanceTests(backend), IClassFixture<SqliteBackend>;

[Trait("Category", "Postgres")]
public sealed class PostgresGroupCommitTests(PostgresBackend backend) : GroupCommitConformanceTests(backend), IClassFixture<PostgresBackend>;
