namespace Actors.Runtime.Messaging;

/// <summary>The one (pending or established) outbound connection to a remote silo; concurrent callers share its connect.</summary>
internal sealed class OutboundEntry
{
    private readonly TaskCompletionSource<SiloConnection> _connection = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<SiloConnection> Connection => _connection.Task;

    /// <summary>When the connect failed (timestamp of the center's time provider), for the retry delay.</summary>
    public long FailedAt { get; private set; }

    public void Succeed(SiloConnection connection) => _connection.TrySetResult(connection);

    public void Fail(Exception exception, long now)
    {
        FailedAt = now;
        _connection.TrySetException(exception);
        // Observed here so a connect nobody awaited any more does not surface as an unobserved exception.
        _ = _connection.Task.Exception;
    }
}
