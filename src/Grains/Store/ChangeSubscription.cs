using System.Threading.Channels;

namespace Actors.Grains.Store;

/// <summary>
/// One watcher's queue on the <see cref="ChangeFeed"/>. It is bounded: a watcher that falls too far behind is
/// marked <see cref="Overflowed"/> and completed, and then catches up by reading the history itself instead of
/// making the feed hold an unbounded backlog.
/// </summary>
internal sealed class ChangeSubscription : IDisposable
{
    private readonly ChangeFeed _feed;
    private readonly Channel<StoredChange> _channel;
    private volatile bool _overflowed;

    public ChangeSubscription(ChangeFeed feed, string? kind, string? ns, int capacity)
    {
        _feed = feed;
        Kind = kind;
        Namespace = ns;
        _channel = Channel.CreateBounded<StoredChange>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
    }

    public string? Kind { get; }

    public string? Namespace { get; }

    public ChannelReader<StoredChange> Reader => _channel.Reader;

    /// <summary>True when the queue was completed because it was full or the feed lost history it needed.</summary>
    public bool Overflowed => _overflowed;

    public void Offer(StoredChange change)
    {
        if (Namespace is not null && Namespace != change.Namespace)
        {
            return;
        }
        if (!_channel.Writer.TryWrite(change))
        {
            Overflow();
        }
    }

    public void Overflow()
    {
        _overflowed = true;
        _channel.Writer.TryComplete();
    }

    public void Close() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        _feed.Unsubscribe(this);
        Close();
    }
}
