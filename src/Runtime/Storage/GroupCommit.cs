using System.Data.Common;
using System.Threading.Channels;

namespace Actors.Storage;

/// <summary>
/// Group commit: writes that queue while one transaction commits go into the next one together, each in its own
/// savepoint, so N concurrent writers pay for one fsync (SQLite) or one commit round trip instead of N. A write
/// whose body declines or throws rolls back to its savepoint alone; every caller learns its result only after
/// the commit that made it durable, and if that commit fails, every write of the batch fails with it.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>Bounds one transaction, so a flood of writers still sees commits (and their answers) often.</summary>
    private const int MaxBatch = 256;
    private const string Savepoint = "object_write";

    private readonly Database _database;
    private readonly Func<DbConnection, DbTransaction, Task>? _beforeCommit;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    /// <param name="beforeCommit">Runs once in every transaction that keeps changes, just before its commit.</param>
    public GroupCommit(Database database, Func<DbConnection, DbTransaction, Task>? beforeCommit = null)
    {
        _database = database;
        _beforeCommit = beforeCommit;
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
            var keptAny = false;
            foreach (var write in batch)
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Fail(new OperationCanceledException(write.CancellationToken));
                    continue;
                }
                await transaction.SaveAsync(Savepoint);
                try
                {
                    if (await write.RunAsync(connection, transaction))
                    {
                        await transaction.ReleaseAsync(Savepoint);
                        keptAny = true;
                        continue;
                    }
                }
                catch (Exception exception)
                {
                    write.Fail(exception);
                }
                await transaction.RollbackAsync(Savepoint);
            }
            if (keptAny)
            {
                if (_beforeCommit is not null)
                {
                    await _beforeCommit(connection, transaction);
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
