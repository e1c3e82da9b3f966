using Actors.Grains.Abstractions.Store;

namespace Actors.Grains.Tests.Store;

/// <summary>Runs a watch in the background and records its events (or the exception that ended it).</summary>
internal sealed class WatchRecorder : IAsyncDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly List<WatchEvent> _events = [];
    private readonly Task _run;

    public WatchRecorder(IObjectStore store, string? kind, string? ns, long fromRevision)
    {
        _run = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in store.WatchAsync(kind, ns, fromRevision, _cancel.Token))
                {
                    lock (_events)
                    {
                        _events.Add(change);
                    }
                }
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                // Stopped by the test.
            }
            catch (Exception exception)
            {
                Failure = exception;
            }
        });
    }

    public Exception? Failure { get; private set; }

    public IReadOnlyList<WatchEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public Task WaitForCountAsync(int count) =>
        Actors.TestSupport.Eventually.WaitAsync(
            $"{count} watch events",
            () => Failure is not null || Events.Count >= count,
            TimeSpan.FromSeconds(20),
            () => $"got {Events.Count}: {string.Join(", ", Events.Select(e => $"{e.TypeName}@{e.Revision}"))}");

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        await _run;
        _cancel.Dispose();
    }
}
