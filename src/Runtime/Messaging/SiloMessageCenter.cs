using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Runtime.Messaging;

/// <summary>
/// The silo-to-silo transport (Orleans' <c>MessageCenter</c> + <c>ConnectionManager</c> + <c>CallbackData</c>
/// table). It listens on the silo port, keeps one authenticated outbound connection per remote silo, correlates
/// requests with responses, enforces deadlines (a timed-out call is never retried: its outcome is unknown), and
/// fails calls to dead or unreachable silos with <see cref="SiloUnavailableException"/>.
/// <para>
/// Requests go out on this silo's outbound connection to the target; responses come back on the connection the
/// request arrived on, so answering never needs a connection back. Inbound requests and one-way messages are
/// passed to <see cref="RequestHandler"/> on the connection's read loop: it must hand work off quickly.
/// </para>
/// </summary>
public sealed partial class SiloMessageCenter : IAsyncDisposable, IDisposable
{
    private readonly SiloMessageCenterOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly ConcurrentDictionary<SiloAddress, OutboundEntry> _outbound = new();
    private readonly ConcurrentDictionary<SiloConnection, byte> _connections = new();
    private readonly ConcurrentDictionary<SiloAddress, byte> _dead = new();
    private readonly ConcurrentDictionary<IPEndPoint, byte> _blocked = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private ITimer? _timeoutTimer;
    private PreambleSettings? _preamble;
    private long _nextId;
    private int _disposed;

    public SiloMessageCenter(SiloMessageCenterOptions options, ILogger<SiloMessageCenter>? logger = null)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid message center options: {string.Join(" ", problems)}", nameof(options));
        }
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = options.TimeProvider;
        LocalSilo = options.LocalSilo;
        // Orleans seeds correlation ids randomly so ids from a restarted process do not collide with old ones.
        _nextId = Random.Shared.NextInt64(1, long.MaxValue / 2);
    }

    /// <summary>This silo; after <see cref="Start"/> it carries the bound port.</summary>
    public SiloAddress LocalSilo { get; private set; }

    /// <summary>Receives inbound requests and one-way messages (the sink of a one-way message ignores answers).</summary>
    public Func<Message, IResponseSink, ValueTask>? RequestHandler { get; set; }

    /// <summary>Calls still waiting for a response or a stream end.</summary>
    public int PendingCallCount => _pending.Count;

    /// <summary>Binds the silo port and starts accepting connections.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_listener is not null)
        {
            throw new InvalidOperationException("The message center is already started.");
        }
        var endpoint = new IPEndPoint(_options.ListenAddress ?? _options.LocalSilo.Endpoint.Address, _options.LocalSilo.Endpoint.Port);
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endpoint);
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        _listener = listener;
        var bound = (IPEndPoint)listener.LocalEndPoint!;
        if (_options.LocalSilo.Endpoint.Port == 0)
        {
            LocalSilo = new SiloAddress(new IPEndPoint(_options.LocalSilo.Endpoint.Address, bound.Port), _options.LocalSilo.Generation);
        }
        _preamble = new PreambleSettings(_options.ClusterId, LocalSilo, _options.ClusterSecret, IsDead);
        _timeoutTimer = _time.CreateTimer(_ => ExpirePendingCalls(), null, _options.TimeoutCheckPeriod, _options.TimeoutCheckPeriod);
        MessagingLog.Listening(_logger, LocalSilo, bound.ToString());
        _ = Task.Run(AcceptLoopAsync);
    }

    /// <summary>
    /// Sends a request and waits for its response (Success, Error or Rejection). Assigns <see cref="Message.Id"/>,
    /// <see cref="Message.SendingSilo"/>, <see cref="Message.Direction"/> and <see cref="Message.DeadlineUnixMs"/>.
    /// Throws <see cref="TimeoutException"/> at the deadline and <see cref="SiloUnavailableException"/> when the
    /// target is dead, unreachable, or its connection is lost before the answer.
    /// </summary>
    public Task<Message> SendRequestAsync(Message request, TimeSpan timeout, CancellationToken ct = default)
    {
        var target = ValidateOutgoing(request);
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        }
        if (ct.IsCancellationRequested)
        {
            return Task.FromCanceled<Message>(ct);
        }
        var deadline = _time.GetUtcNow().Add(timeout).ToUnixTimeMilliseconds();
        var pending = new PendingRequest(target, deadline);
        request.DeadlineUnixMs = deadline;
        Dispatch(request, MessageDirection.Request, pending);
        return ct.CanBeCanceled ? AwaitWithCancellationAsync(pending, request.Id, ct) : pending.Task;
    }

    /// <summary>
    /// Sends a request whose answer is a stream: yields each <see cref="ResponseKind.StreamItem"/>; a final
    /// Error, Rejection or Success message is yielded last; <see cref="ResponseKind.StreamEnd"/> ends the sequence.
    /// Each item must arrive within <paramref name="itemTimeout"/> (else <see cref="TimeoutException"/>). When the
    /// consumer stops early, the producer is told to stop. The request itself carries no deadline, since a
    /// followed stream may legitimately last for hours.
    /// </summary>
    public async IAsyncEnumerable<Message> SendStreamingRequestAsync(Message request, TimeSpan itemTimeout, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var target = ValidateOutgoing(request);
        if (itemTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(itemTimeout), itemTimeout, "The item timeout must be positive.");
        }
        ct.ThrowIfCancellationRequested();
        var pending = new PendingStream(target);
        request.DeadlineUnixMs = 0;
        Dispatch(request, MessageDirection.Request, pending);
        var finished = false;
        try
        {
            while (true)
            {
                var item = await ReadStreamItemAsync(pending, request, itemTimeout, ct);
                if (item.Result == ResponseKind.StreamEnd)
                {
                    finished = true;
                    yield break;
                }
                if (item.Result != ResponseKind.StreamItem)
                {
                    finished = true;
                    yield return item;
                    yield break;
                }
                yield return item;
            }
        }
        finally
        {
            if (_pending.TryRemove(new KeyValuePair<long, PendingCall>(request.Id, pending)))
            {
                finished = false;
            }
            if (!finished && pending.Failure is null && pending.Connection is { } connection)
            {
                connection.TrySend(new Message
                {
                    Id = request.Id,
                    Direction = MessageDirection.StreamCancel,
                    SendingSilo = LocalSilo,
                    TargetSilo = target,
                    TargetGrain = request.TargetGrain,
                });
            }
        }
    }

    /// <summary>Sends a message nobody answers; silently dropped when the target is unreachable (Orleans semantics).</summary>
    public void SendOneWay(Message message)
    {
        var target = ValidateOutgoing(message);
        message.Direction = MessageDirection.OneWay;
        message.SendingSilo = LocalSilo;
        if (IsDead(target) || IsBlocked(target.Endpoint))
        {
            return;
        }
        var connecting = GetConnectionAsync(target);
        if (connecting.IsCompletedSuccessfully)
        {
            connecting.Result.TrySend(message);
            return;
        }
        _ = SendOneWayWhenConnectedAsync(connecting, message);
    }

    /// <summary>
    /// Membership declared <paramref name="silo"/> dead: every pending call to it fails now with
    /// <see cref="SiloUnavailableException"/>, its connections close, and its future preambles are refused.
    /// </summary>
    public void MarkSiloDead(SiloAddress silo)
    {
        if (!_dead.TryAdd(silo, 0))
        {
            return;
        }
        var failed = FailPending(call => call.Target.Equals(silo), () => new SiloUnavailableException($"Silo {silo} was declared dead."));
        CloseConnections(connection => connection.RemoteSilo.Equals(silo), $"silo {silo} was declared dead");
        MessagingLog.MarkedDead(_logger, silo, failed);
    }

    /// <summary>Fault injection: cuts every connection to and from <paramref name="peer"/>'s endpoint and refuses new ones.</summary>
    public void BlockPeer(SiloAddress peer)
    {
        _blocked[peer.Endpoint] = 0;
        MessagingLog.PeerBlocked(_logger, peer.Endpoint.ToString(), "blocked");
        CloseConnections(connection => connection.RemoteSilo.Endpoint.Equals(peer.Endpoint), $"traffic to {peer.Endpoint} is blocked");
    }

    public void UnblockPeer(SiloAddress peer)
    {
        _blocked.TryRemove(peer.Endpoint, out _);
        MessagingLog.PeerBlocked(_logger, peer.Endpoint.ToString(), "allowed");
        // Forget connects that failed while blocked, so the next call reconnects without the retry delay.
        foreach (var (silo, entry) in _outbound)
        {
            if (silo.Endpoint.Equals(peer.Endpoint) && entry.Connection.IsFaulted)
            {
                _outbound.TryRemove(new KeyValuePair<SiloAddress, OutboundEntry>(silo, entry));
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _stopping.Cancel();
        _timeoutTimer?.Dispose();
        _listener?.Dispose();
        CloseConnections(_ => true, "the message center is stopping");
        FailPending(_ => true, () => new SiloUnavailableException($"Silo {LocalSilo} is stopping its message center."));
        foreach (var entry in _outbound.Values)
        {
            entry.Fail(new SiloUnavailableException($"Silo {LocalSilo} is stopping its message center."), _time.GetTimestamp());
        }
        _outbound.Clear();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void OnMessageReceived(SiloConnection connection, Message message)
    {
        switch (message.Direction)
        {
            case MessageDirection.Response:
                OnResponse(connection, message);
                break;
            case MessageDirection.StreamCancel:
                connection.CancelInbound(message.Id);
                break;
            default:
                OnRequest(connection, message);
                break;
        }
    }

    internal void OnConnectionClosed(SiloConnection connection, string reason)
    {
        _connections.TryRemove(connection, out _);
        MessagingInstruments.Connections.Add(-1);
        MessagingLog.ConnectionClosed(_logger, connection.RemoteSilo, reason);
        if (connection.IsOutbound
            && _outbound.TryGetValue(connection.RemoteSilo, out var entry)
            && entry.Connection.IsCompletedSuccessfully
            && entry.Connection.Result == connection)
        {
            _outbound.TryRemove(new KeyValuePair<SiloAddress, OutboundEntry>(connection.RemoteSilo, entry));
        }
        FailPending(call => call.Connection == connection, () => new SiloUnavailableException($"Connection to silo {connection.RemoteSilo} was lost: {reason}."));
    }

    internal void OnUnsendable(SiloConnection connection, Message message, Exception exception)
    {
        MessagingLog.Unsendable(_logger, exception, message.Id, connection.RemoteSilo);
        if (message.Direction == MessageDirection.Request && _pending.TryRemove(message.Id, out var call))
        {
            call.Fail(new SiloUnavailableException($"Message {message.Id} could not be sent: {exception.Message}"));
        }
    }

    private void OnResponse(SiloConnection connection, Message message)
    {
        if (!_pending.TryGetValue(message.Id, out var call) || call.Connection != connection)
        {
            // Late (after a timeout) or forged; either way nobody waits for it.
            return;
        }
        switch (call)
        {
            case PendingStream stream when message.Result == ResponseKind.StreamItem:
                stream.Add(message);
                break;
            case PendingStream stream:
                if (_pending.TryRemove(new KeyValuePair<long, PendingCall>(message.Id, call)))
                {
                    stream.Finish(message);
                }
                break;
            case PendingRequest request:
                if (_pending.TryRemove(new KeyValuePair<long, PendingCall>(message.Id, call)))
                {
                    request.Complete(message);
                }
                break;
        }
    }

    private void OnRequest(SiloConnection connection, Message message)
    {
        if (message.IsExpired(_time))
        {
            MessagingInstruments.Expired.Add(1);
            MessagingLog.DroppedExpired(_logger, message.Direction, message.Id, message.SendingSilo, message.TargetGrain);
            return;
        }
        string? rejection = null;
        if (message.TargetSilo is { } target && !target.Equals(LocalSilo))
        {
            rejection = $"message for {target} reached {LocalSilo}";
        }
        var handler = RequestHandler;
        if (rejection is null && handler is null)
        {
            rejection = $"silo {LocalSilo} has no request handler yet";
        }
        if (rejection is not null)
        {
            Reject(connection, message, rejection);
            return;
        }
        IResponseSink sink = NullResponseSink.Instance;
        if (message.Direction == MessageDirection.Request)
        {
            var responseSink = new ResponseSink(connection, message);
            connection.RegisterInbound(responseSink);
            sink = responseSink;
        }
        ValueTask handled;
        try
        {
            handled = handler!(message, sink);
        }
        catch (Exception exception)
        {
            OnHandlerFailed(message, sink, exception);
            return;
        }
        if (!handled.IsCompletedSuccessfully)
        {
            _ = ObserveHandlerAsync(handled, message, sink);
        }
    }

    private async Task ObserveHandlerAsync(ValueTask handled, Message message, IResponseSink sink)
    {
        try
        {
            await handled;
        }
        catch (Exception exception)
        {
            OnHandlerFailed(message, sink, exception);
        }
    }

    private void OnHandlerFailed(Message message, IResponseSink sink, Exception exception)
    {
        MessagingLog.HandlerFailed(_logger, exception, message.Id, message.TargetGrain);
        sink.Respond(ResponseKind.Rejection, Encoding.UTF8.GetBytes($"the runtime failed to handle the request: {exception.GetType().Name}: {exception.Message}"));
    }

    private void Reject(SiloConnection connection, Message message, string reason)
    {
        MessagingInstruments.Rejected.Add(1);
        MessagingLog.Rejected(_logger, message.Direction, message.Id, message.SendingSilo, reason);
        if (message.Direction == MessageDirection.Request)
        {
            connection.TrySend(message.CreateResponse(ResponseKind.Rejection, Encoding.UTF8.GetBytes(reason)));
        }
    }

    private SiloAddress ValidateOutgoing(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_preamble is null)
        {
            throw new InvalidOperationException("Start the message center before sending.");
        }
        if (message.TargetSilo is not { } target)
        {
            throw new ArgumentException($"Message to {message.TargetGrain} has no TargetSilo.", nameof(message));
        }
        if ((message.Body?.Length ?? 0) > MessageCodec.MaxBodyLength)
        {
            throw new ArgumentException($"Message body is {message.Body!.Length} bytes; the limit is {MessageCodec.MaxBodyLength}.", nameof(message));
        }
        return target;
    }

    /// <summary>Registers the call, then queues the request on the target's connection (connecting if needed).</summary>
    private void Dispatch(Message request, MessageDirection direction, PendingCall call)
    {
        request.Id = Interlocked.Increment(ref _nextId);
        request.Direction = direction;
        request.SendingSilo = LocalSilo;
        var target = call.Target;
        if (IsDead(target))
        {
            call.Fail(new SiloUnavailableException($"Silo {target} is declared dead."));
            return;
        }
        _pending[request.Id] = call;
        var connecting = GetConnectionAsync(target);
        if (connecting.IsCompletedSuccessfully)
        {
            Enqueue(connecting.Result, request, call);
        }
        else
        {
            _ = DispatchWhenConnectedAsync(connecting, request, call);
        }
    }

    private async Task DispatchWhenConnectedAsync(ValueTask<SiloConnection> connecting, Message request, PendingCall call)
    {
        try
        {
            Enqueue(await connecting, request, call);
        }
        catch (Exception exception)
        {
            if (_pending.TryRemove(new KeyValuePair<long, PendingCall>(request.Id, call)))
            {
                call.Fail(exception as SiloUnavailableException ?? new SiloUnavailableException($"Cannot reach silo {call.Target}: {exception.Message}"));
            }
        }
    }

    private void Enqueue(SiloConnection connection, Message request, PendingCall call)
    {
        // Set before queueing: if the connection closes from here on, its close fails this call.
        call.Connection = connection;
        if (!connection.TrySend(request) && _pending.TryRemove(new KeyValuePair<long, PendingCall>(request.Id, call)))
        {
            call.Fail(new SiloUnavailableException($"Connection to silo {call.Target} was lost."));
        }
    }

    private static async Task SendOneWayWhenConnectedAsync(ValueTask<SiloConnection> connecting, Message message)
    {
        try
        {
            (await connecting).TrySend(message);
        }
        catch (SiloUnavailableException)
        {
            // One-way messages to unreachable silos are dropped; the connect failure is already logged.
        }
    }

    private async Task<Message> AwaitWithCancellationAsync(PendingRequest pending, long id, CancellationToken ct)
    {
        using (ct.UnsafeRegister(_ =>
        {
            if (_pending.TryRemove(new KeyValuePair<long, PendingCall>(id, pending)))
            {
                pending.Cancel(ct);
            }
        }, null))
        {
            return await pending.Task;
        }
    }

    private async ValueTask<Message> ReadStreamItemAsync(PendingStream pending, Message request, TimeSpan itemTimeout, CancellationToken ct)
    {
        if (pending.Reader.TryRead(out var ready))
        {
            return ready;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(itemTimeout);
        try
        {
            return await pending.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            MessagingInstruments.TimedOut.Add(1);
            throw new TimeoutException($"No stream item for {request.InterfaceName}.{request.MethodName} on {request.TargetGrain} from {pending.Target} within {itemTimeout.TotalSeconds:0.###} s.");
        }
        catch (Exception exception) when (pending.Failure is not null && exception is not OperationCanceledException)
        {
            ExceptionDispatchInfo.Throw(pending.Failure);
            throw;
        }
    }

    private bool IsDead(SiloAddress silo) => !_dead.IsEmpty && _dead.ContainsKey(silo) || _options.IsSiloDead(silo);

    private bool IsBlocked(IPEndPoint endpoint) => !_blocked.IsEmpty && _blocked.ContainsKey(endpoint);

    private int FailPending(Func<PendingCall, bool> predicate, Func<Exception> exception)
    {
        var count = 0;
        foreach (var pair in _pending)
        {
            if (predicate(pair.Value) && _pending.TryRemove(pair))
            {
                pair.Value.Fail(exception());
                count++;
            }
        }
        return count;
    }

    private void CloseConnections(Func<SiloConnection, bool> predicate, string reason)
    {
        foreach (var connection in _connections.Keys)
        {
            if (predicate(connection))
            {
                connection.Close(reason);
            }
        }
    }

    private void ExpirePendingCalls()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var pair in _pending)
        {
            var call = pair.Value;
            if (call.DeadlineUnixMs != 0 && call.DeadlineUnixMs < now && _pending.TryRemove(pair))
            {
                MessagingInstruments.TimedOut.Add(1);
                call.Fail(new TimeoutException($"No response from silo {call.Target} for request {pair.Key} before its deadline; the outcome is unknown."));
            }
        }
    }
}
