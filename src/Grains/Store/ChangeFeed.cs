using System.Threading.Channels;
using Actors.Storage;
using Npgsql;

namespace Actors.Grains.Store;

/// <summary>
/// The one poller of a store instance: it reads new rows of the change history in revision order and fans them
/// out to every subscribed watcher, so that thousands of watchers cost one query per wake-up. Local writes wake
/// it directly; on PostgreSQL a LISTEN connection wakes it for writes made by other processes; a periodic poll
/// repairs a lost notification.
/// </summary>
internal sealed class ChangeFeed : IAsyncDisposable
{
    private const int BatchSize = 1000;

    /// <summary>After a failed read or a lost LISTEN connection; short, because watchers wait on it.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Database _database;
    private readonly ObjectStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<ChangeSubscription>> _byKind = new(StringComparer.Ordinal);
    private readonly List<ChangeSubscription> _allKinds = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task _pollLoop = Task.CompletedTask;
    private Task _listenLoop = Task.CompletedTask;
    private long _lastRevision;
    private bool _stopped;

    public ChangeFeed(Database database, ObjectStoreOptions options, TimeProvider time, ILogger logger)
    {
        _database = database;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Starts at the current revision. Must finish before anyone subscribes: a watcher relies on every change
    /// committed after its subscription being dispatched to it, or seen by its own replay.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await _database.OpenConnectionAsync(cancellationToken))
        {
            _lastRevision = await StoreCommand.ScalarInt64Async(connection, null, StoreSql.CurrentRevision, cancellationToken) ?? 0;
        }
        _pollLoop = Task.Run(() => PollLoopAsync(_stopping.Token), CancellationToken.None);
        if (_database.PostgresDataSource is { } dataSource)
        {
            _listenLoop = Task.Run(() => ListenLoopAsync(dataSource, _stopping.Token), CancellationToken.None);
        }
    }

    public void Signal() => _wake.Writer.TryWrite(true);

    public ChangeSubscription Subscribe(string? kind, string? ns)
    {
        var subscription = new ChangeSubscription(this, kind, ns, _options.WatcherBufferSize);
        lock (_gate)
        {
            if (_stopped)
            {
                subscription.Close();
                return subscription;
            }
            if (kind is null)
            {
                _allKinds.Add(subscription);
            }
            else if (_byKind.TryGetValue(kind, out var list))
            {
                list.Add(subscription);
            }
            else
            {
                _byKind[kind] = [subscription];
            }
        }
        return subscription;
    }

    public void Unsubscribe(ChangeSubscription subscription)
    {
        lock (_gate)
        {
            if (subscription.Kind is null)
            {
                _allKinds.Remove(subscription);
            }
            else if (_byKind.TryGetValue(subscription.Kind, out var list))
            {
                list.Remove(subscription);
                if (list.Count == 0)
                {
                    _byKind.Remove(subscription.Kind);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_pollLoop, _listenLoop);
        lock (_gate)
        {
            _stopped = true;
            foreach (var subscription in _allKinds.Concat(_byKind.Values.SelectMany(list => list)))
            {
                subscription.Close();
            }
            _allKinds.Clear();
            _byKind.Clear();
        }
        _stopping.Dispose();
    }

    private async Task PollLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stopping);
                using var timeout = new CancellationTokenSource(_options.PollInterval, _time);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
                await _wake.Reader.WaitToReadAsync(wait.Token);
                _wake.Reader.TryRead(out _);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                // The poll interval elapsed without a wake-up: poll anyway.
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception)
            {
                ObjectStoreLog.FeedReadFailed(_logger, exception);
                await DelayAsync(RetryDelay, stopping);
            }
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        while (true)
        {
            var changes = await StoreCommand.ReadChangesAsync(
                connection, StoreSql.SelectChangesAfter + StoreSql.OrderChangesLimit, cancellationToken,
                ("after", _lastRevision), ("limit", BatchSize));
            // Read after the rows: a compaction that committed before the read shows here.
            var compacted = await StoreCommand.ScalarInt64Async(connection, null, StoreSql.CompactedRevision, cancellationToken) ?? 0;
            if (compacted > _lastRevision)
            {
                ObjectStoreLog.FeedBehindCompaction(_logger, _lastRevision, compacted);
                OverflowAll();
                _lastRevision = compacted;
                continue;
            }
            foreach (var change in changes)
            {
                Dispatch(change);
                _lastRevision = change.Revision;
            }
            if (changes.Count < BatchSize)
            {
                return;
            }
        }
    }

    private void Dispatch(StoredChange change)
    {
        lock (_gate)
        {
            foreach (var subscription in _allKinds)
            {
                subscription.Offer(change);
            }
            if (_byKind.TryGetValue(change.Kind, out var list))
            {
                foreach (var subscription in list)
                {
                    subscription.Offer(change);
                }
            }
        }
    }

    private void OverflowAll()
    {
        lock (_gate)
        {
            foreach (var subscription in _allKinds.Concat(_byKind.Values.SelectMany(list => list)))
            {
                subscription.Overflow();
            }
        }
    }

    private async Task ListenLoopAsync(NpgsqlDataSource dataSource, CancellationToken stopping)
    {
        var delay = RetryDelay;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stopping);
                connection.Notification += (_, _) => Signal();
                await using (var listen = new NpgsqlCommand($"LISTEN {StoreDialect.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }
                // Whatever was written while no connection listened is picked up now.
                Signal();
                while (true)
                {
                    await connection.WaitAsync(stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                ObjectStoreLog.ListenFailed(_logger, delay, exception);
                await DelayAsync(delay, stopping);
            }
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, _time, stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping; the loop condition ends the loop.
        }
    }
}
