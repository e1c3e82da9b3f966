using System.Data.Common;
using System.Threading.Channels;

namespace Actors.Storage;

/// <summary>
/// Group commit: writes that queue while one transaction commits go into the next one together, each in its own
/// savepoint, so N concurrent writers pay for one fsync (SQLite) or one commit round trip instead of N. A write
/// whose body declines or throws rolls back to its savepoint alone; every caller learns its result only after
/// the commit that made it durable, and if that commit fails, every write of the batch fails with it.
/// A caller whose writes are each one atomic statement batch (<see cref="GroupCommitOptions.IsolateWrites"/> off)
/// saves the two savepoint round trips per write.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>Bounds one transaction, so a flood of writers still sees commits (and their answers) often.</summary>
    private const int MaxBatch = 256;
    private const string Savepoint = "object_write";

    private readonly Database _database;
    private readonly GroupCommitOptions _options;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public GroupCommit(Database database, GroupCommitOptions? options = null)
    {
        _database = database;
        _options = options ?? new GroupCommitOptions();
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Queues one write. <paramref name="body"/> runs inside the shared transaction and returns its result and
    /// whether its changes are to be kept.
    /// </summary>
    public Task<TResult> WriteAsync<TResult>(
        Func<DbConnection, DbTransaction, Task<(TResult Result, bool Commit)>> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new PendingWrite<TResult>(body, cancellationToken);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(GroupCommit));
        }
        return write.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            await CommitAsync(batch);
            foreach (var write in batch)
            {
                write.Answer();
            }
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var sqliteLock = _database.Provider == DatabaseProvider.Sqlite ? _database.SqliteWriteLock : null;
        if (sqliteLock is not null)
        {
            await sqliteLock.WaitAsync();
        }
        try
        {
            await using var connection = await _database.OpenConnectionAsync(CancellationToken.None);
            await using var transaction = await _database.BeginWriteAsync(connection, CancellationToken.None);
            if (_options.OnBegin is { } onBegin)
            {
                await onBegin(connection, transaction);
            }
            var keptAny = false;
            foreach (var write in batch)
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Fail(new OperationCanceledException(write.CancellationToken));
                    continue;
                }
                keptAny |= _options.IsolateWrites
                    ? await RunIsolatedAsync(write, connection, transaction)
                    : await RunAtomicAsync(write, connection, transaction);
            }
            if (keptAny)
            {
                if (_options.BeforeCommit is { } beforeCommit)
                {
                    await beforeCommit(connection, transaction);
                }
                await transaction.CommitAsync(CancellationToken.None);
            }
            else
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
        catch (Exception exception)
        {
            // Nothing of this batch is durable: every answer computed inside it is void.
            foreach (var write in batch)
            {
                write.Fail(exception);
            }
        }
        finally
        {
            sqliteLock?.Release();
        }
    }

    private static async Task<bool> RunIsolatedAsync(PendingWrite write, DbConnection connection, DbTransaction transaction)
    {
        await transaction.SaveAsync(Savepoint);
        try
        {
            if (await write.RunAsync(connection, transaction))
            {
                await transaction.ReleaseAsync(Savepoint);
                return true;
            }
        }
        catch (Exception exception)
        {
            write.Fail(exception);
        }
        await transaction.RollbackAsync(Savepoint);
        return false;
    }

    /// <summary>A write that is atomic on its own: a failure has changed nothing, so nothing is rolled back.</summary>
    private static async Task<bool> RunAtomicAsync(PendingWrite write, DbConnection connection, DbTransaction transaction)
    {
        try
        {
            return await write.RunAsync(connection, transaction);
        }
        catch (Exception exception)
        {
            write.Fail(exception);
            return false;
        }
    }

    private abstract class PendingWrite(CancellationToken cancellationToken)
    {
        private Exception? _failure;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>Runs the body; true when its changes are to be kept.</summary>
        public abstract Task<bool> RunAsync(DbConnection connection, DbTransaction transaction);

        /// <summary>Records a failure; a later one (the whole batch failing) replaces an earlier one.</summary>
        public void Fail(Exception exception) => _failure = exception;

        /// <summary>Completes the caller's task, once the batch's fate is known.</summary>
        public void Answer()
        {
            if (_failure is { } failure)
            {
                AnswerFailure(failure);
            }
            else
            {
                AnswerResult();
            }
        }

        protected abstract void AnswerResult();

        protected abstract void AnswerFailure(Exception failure);
    }

    private sealed class PendingWrite<TResult>(
        Func<DbConnection, DbTransaction, Task<(TResult Result, bool Commit)>> body, CancellationToken cancellationToken)
        : PendingWrite(cancellationToken)
    {
        private readonly TaskCompletionSource<TResult> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TResult? _result;

        public Task<TResult> Task => _answer.Task;

        public override async Task<bool> RunAsync(DbConnection connection, DbTransaction transaction)
        {
            var (result, commit) = await body(connection, transaction);
            _result = result;
            return commit;
        }

        protected override void AnswerResult() => _answer.TrySetResult(_result!);

        protected override void AnswerFailure(Exception failure)
        {
            if (failure is OperationCanceledException canceled)
            {
                _answer.TrySetCanceled(canceled.CancellationToken);
            }
            else
            {
                _answer.TrySetException(failure);
            }
        }
    }
}
