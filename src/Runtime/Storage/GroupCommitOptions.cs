using System.Data.Common;

namespace Actors.Storage;

/// <summary>How a <see cref="GroupCommit"/> frames its transactions and the writes in them.</summary>
public sealed record GroupCommitOptions
{
    /// <summary>Runs first in every transaction, before any write (outside every savepoint).</summary>
    public Func<DbConnection, DbTransaction, Task>? OnBegin { get; init; }

    /// <summary>Runs once in every transaction that keeps changes, just before its commit.</summary>
    public Func<DbConnection, DbTransaction, Task>? BeforeCommit { get; init; }

    /// <summary>
    /// True: each write runs in its own savepoint, so a write that declines or throws half way rolls back alone.
    /// False: the writes promise that a failed or declined one changed nothing (each is one atomic batch).
    /// </summary>
    public bool IsolateWrites { get; init; } = true;
}
