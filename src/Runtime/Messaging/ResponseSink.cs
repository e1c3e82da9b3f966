namespace Actors.Runtime.Messaging;

/// <summary>Answers one inbound request on the connection it arrived on.</summary>
internal sealed class ResponseSink(SiloConnection connection, Message request) : IResponseSink
{
    private readonly Lock _lock = new();
    private CancellationTokenSource? _cancellation;
    private bool _cancelled;
    private int _completed;

    public Message Request => request;

    public CancellationToken Cancelled
    {
        get
        {
            lock (_lock)
            {
                // Created on first use: most requests never look at it.
                _cancellation ??= new CancellationTokenSource();
                if (_cancelled)
                {
                    _cancellation.Cancel();
                }
                return _cancellation.Token;
            }
        }
    }

    public void Respond(ResponseKind result, byte[] body)
    {
        if (result is not (ResponseKind.Success or ResponseKind.Error or ResponseKind.Rejection))
        {
            throw new ArgumentException($"Respond takes Success, Error or Rejection, not {result}.", nameof(result));
        }
        Finish(result, body);
    }

    public bool SendStreamItem(byte[] body)
    {
        if (Volatile.Read(ref _completed) != 0 || Volatile.Read(ref _cancelled))
        {
            return false;
        }
        return connection.TrySend(request.CreateResponse(ResponseKind.StreamItem, body));
    }

    public void CompleteStream() => Finish(ResponseKind.StreamEnd, []);

    /// <summary>The consumer cancelled or the connection closed.</summary>
    public void Cancel()
    {
        CancellationTokenSource? cancellation;
        lock (_lock)
        {
            _cancelled = true;
            cancellation = _cancellation;
        }
        try
        {
            cancellation?.Cancel();
        }
        catch (AggregateException)
        {
            // A producer's cancellation callback threw; the producer's own task reports it.
        }
    }

    private void Finish(ResponseKind result, byte[] body)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return;
        }
        connection.CompleteInbound(request.Id, this);
        connection.TrySend(request.CreateResponse(result, body));
        lock (_lock)
        {
            _cancellation?.Dispose();
            _cancellation = null;
        }
    }
}
