using System.Data.Common;

namespace Actors.Grains.Store;

/// <summary>
/// The revisions handed out in one write transaction. The transaction reads the revision row once (on PostgreSQL
/// locking it until commit, which is what makes writers take turns, see <see cref="ObjectStore"/>); each write
/// that is kept takes the next number and stores it back into the row in its own statement batch, and a declined
/// or failed write takes none, so revisions stay gap-free without a round trip of their own per write.
/// Used by one group-commit loop at a time, like the transactions it follows.
/// </summary>
internal sealed class TransactionRevisions(StoreDialect dialect)
{
    private DbTransaction? _transaction;
    private long _last;

    /// <summary>Reads (and on PostgreSQL locks) the revision row for a new transaction.</summary>
    public async Task BeginAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        _last = await StoreCommand.ScalarInt64Async(connection, transaction, dialect.LockRevisionSql, cancellationToken)
            ?? throw new InvalidOperationException("the object store's revision row is missing");
        _transaction = transaction;
    }

    /// <summary>
    /// The revision the next write in <paramref name="transaction"/> gets if it is kept. A transaction not begun
    /// here (SQLite's, which the process's writers share) reads the row at its first object write.
    /// </summary>
    public async ValueTask<long> NextAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(transaction, _transaction))
        {
            await BeginAsync(connection, transaction, cancellationToken);
        }
        return _last + 1;
    }

    /// <summary>The write that got <paramref name="revision"/> was kept.</summary>
    public void Taken(long revision) => _last = revision;
}
