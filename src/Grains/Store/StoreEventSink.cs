using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Actors.Grains.Store;

/// <summary>
/// Writes Events straight into the object store from a bounded queue, in the background. An Event is created
/// once under a unique name and never updated by its reporter, so it needs no single-writer grain; a full
/// queue drops the newest events rather than slow the control loops.
/// </summary>
public sealed partial class StoreEventSink : IEventSink, IAsyncDisposable
{
    private const int Capacity = 10_000;

    private readonly Channel<JsonObject> _queue = Channel.CreateBounded<JsonObject>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly IObjectStore _store;
    private readonly ILogger _logger;
    private readonly Task _writer;

    public StoreEventSink(IObjectStore store, ILogger<StoreEventSink> logger)
    {
        _store = store;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    public void Record(JsonObject evt) => _queue.Writer.TryWrite(evt);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteAsync()
    {
        await foreach (var evt in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await _store.CreateAsync("Event", evt);
            }
            catch (Exception exception)
            {
                LogEventLost(_logger, (string?)evt["reason"] ?? "", exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "An event ({Reason}) was not written: {Error}")]
    private static partial void LogEventLost(ILogger logger, string reason, string error);
}
