namespace Actors.NodeAgent.Docker;

/// <summary>
/// An open engine stream (logs, events). It exists once the engine has answered, so a watch is armed before the
/// caller goes on. Enumerate it once; it ends cleanly — without an exception — when the engine closes it, when the
/// connection breaks (then <see cref="Error"/> says why) or when either the open token or the enumeration token is
/// cancelled. Dispose it to stop early.
/// </summary>
public sealed class DockerStream<T> : IAsyncEnumerable<T>, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly Func<Stream, CancellationToken, IAsyncEnumerable<T>> _decode;
    private readonly CancellationToken _openToken;
    private int _enumerated;

    internal DockerStream(HttpResponseMessage response, Stream body, Func<Stream, CancellationToken, IAsyncEnumerable<T>> decode, CancellationToken openToken)
    {
        _response = response;
        _body = body;
        _decode = decode;
        _openToken = openToken;
    }

    /// <summary>Why the stream ended early, when a broken connection ended it; null otherwise.</summary>
    public string? Error { get; private set; }

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A DockerStream can be enumerated only once; open a new one.");
        }
        return EnumerateAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _body.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }

    private async IAsyncEnumerator<T> EnumerateAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _openToken);
        // Reads on the body do not always observe the token; closing the body wakes them.
        await using var wake = linked.Token.Register(() => _body.Dispose());
        try
        {
            var items = _decode(_body, linked.Token).GetAsyncEnumerator(linked.Token);
            await using (items)
            {
                while (await TryMoveNextAsync(items, linked.Token))
                {
                    yield return items.Current;
                }
            }
        }
        finally
        {
            await DisposeAsync();
        }
    }

    private async ValueTask<bool> TryMoveNextAsync(IAsyncEnumerator<T> items, CancellationToken cancellationToken)
    {
        try
        {
            return await items.MoveNextAsync();
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested
            && exception is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            return false;
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or ObjectDisposedException)
        {
            Error = exception.Message;
            return false;
        }
    }
}
