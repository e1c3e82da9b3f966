using System.Threading.Channels;

namespace Actors.Runtime.Messaging;

internal sealed class PendingStream(SiloAddress target) : PendingCall(target, deadlineUnixMs: 0)
{
    private readonly Channel<Message> _items = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Message> Reader => _items.Reader;

    public Exception? Failure { get; private set; }

    public void Add(Message message) => _items.Writer.TryWrite(message);

    public void Finish(Message message)
    {
        _items.Writer.TryWrite(message);
        _items.Writer.TryComplete();
    }

    public override void Fail(Exception exception)
    {
        Failure = exception;
        _items.Writer.TryComplete(exception);
    }
}
