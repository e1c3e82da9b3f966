using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Messaging;

/// <summary>
/// Silo-to-silo messaging over TCP (Orleans' MessageCenter and connection manager): a listener on the silo
/// port, one outbound connection per peer, request/response correlation with a deadline, streamed answers,
/// and fast failure of every pending call to a silo that is declared dead or whose connection drops.
/// </summary>
public sealed partial class SiloMessageCenter : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly SiloAddress _self;
    private readonly string _clusterId;
    private readonly byte[] _secret;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<SiloAddress, Lazy<Task<SiloConnection>>> _outbound = new();
    private readonly ConcurrentDictionary<SiloConnection, byte> _inbound = new();
    private readonly ConcurrentDictionary<long, PendingCall> _pending = new();
    private readonly ConcurrentDictionary<(SiloAddress, long), CancellationTokenSource> _producing = new();
    private readonly ConcurrentDictionary<SiloAddress, byte> _dead = new();
    private readonly ConcurrentDictionary<IPEndPoint, byte> _blocked = new();
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private long _nextId;

    public SiloMessageCenter(SiloAddress self, string clusterId, string secret, TimeProvider time, ILogger logger)
    {
        _self = self;
        _clusterId = clusterId;
        _secret = Encoding.UTF8.GetBytes(secret);
        _time = time;
        _logger = logger;
    }

    public SiloAddress Silo => _self;

    /// <summary>Handles inbound requests and one-way messages; set before <see cref="Start"/>.</summary>
    public Func<Message, IResponseSink, ValueTask> OnRequest { get; set; } = (_, _) => ValueTask.CompletedTask;

    /// <summary>Peers this predicate refuses cannot connect (a silo declared dead).</summary>
    public Func<SiloAddress, bool> IsRefused { get; set; } = _ => false;

    public void Start()
    {
        _listener = new TcpListener(_self.Endpoint);
        _listener.Start(512);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public async Task<Message> SendRequestAsync(Message request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = request.TargetSilo ?? throw new ArgumentException("The request has no target silo.", nameof(request));
        var call = new PendingCall(target, streaming: false);
        var id = Prepare(request, timeout, call);
        try
        {
            await SendAsync(target, request, cancellationToken);
            return await call.Response.Task.WaitAsync(timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No response from {target} within {timeout} for {request.TargetGrain} {request.MethodName}.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public async IAsyncEnumerable<Message> SendStreamingRequestAsync(Message request, TimeSpan itemTimeout, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var target = request.TargetSilo ?? throw new ArgumentException("The request has no target silo.", nameof(request));
        var call = new PendingCall(target, streaming: true);
        var id = Prepare(request, TimeSpan.Zero, call);
        var finished = false;
        try
        {
            await SendAsync(target, request, cancellationToken);
            while (true)
            {
                Message item;
                try
                {
                    item = await call.Items!.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(itemTimeout, _time, cancellationToken);
                }
                catch (ChannelClosedException closed)
                {
                    throw closed.InnerException ?? new SiloUnavailableException($"The stream from {target} ended without an end marker.");
                }
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
            _pending.TryRemove(id, out _);
            if (!finished)
            {
                // The consumer stopped early: tell the producer so it stops too.
                SendOneWay(new Message
                {
                    Id = id,
                    Direction = MessageDirection.OneWay,
                    TargetSilo = target,
                    InterfaceName = CancelStream,
                });
            }
        }
    }

    public void SendOneWay(Message message)
    {
        message.SendingSilo = _self;
        if (message.TargetSilo is { } target)
        {
            _ = SendAsync(target, message, CancellationToken.None).ContinueWith(
                t => LogSendFailed(_logger, target.ToParsableString(), t.Exception?.GetBaseException().Message ?? ""),
                TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    /// <summary>Fails every pending call to the silo at once and refuses it from now on.</summary>
    public void MarkSiloDead(SiloAddress silo)
    {
        if (!_dead.TryAdd(silo, 0))
        {
            return;
        }
        FailPending(silo, new SiloUnavailableException($"Silo {silo} was declared dead."));
        if (_outbound.TryRemove(silo, out var connection) && connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
        {
            connection.Value.Result.Close(null);
        }
        foreach (var inbound in _inbound.Keys.Where(c => c.Peer.Equals(silo)))
        {
            inbound.Close(null);
        }
    }

    /// <summary>Test fault injection: drop all traffic to and from the peer's endpoint, as a network partition would.</summary>
    public void BlockPeer(IPEndPoint peer)
    {
        _blocked[peer] = 0;
        foreach (var (silo, connection) in _outbound.Where(c => c.Key.Endpoint.Equals(peer)))
        {
            _outbound.TryRemove(silo, out _);
            if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
            {
                connection.Value.Result.Close(null);
            }
        }
        foreach (var inbound in _inbound.Keys.Where(c => c.Peer.Endpoint.Equals(peer)))
        {
            inbound.Close(null);
        }
    }

    public void UnblockPeer(IPEndPoint peer) => _blocked.TryRemove(peer, out _);

    internal const string CancelStream = "$cancel";

    private long Prepare(Message request, TimeSpan timeout, PendingCall call)
    {
        var id = Interlocked.Increment(ref _nextId);
        request.Id = id;
        request.SendingSilo = _self;
        request.Direction = MessageDirection.Request;
        if (timeout > TimeSpan.Zero)
        {
            request.DeadlineUnixMs = _time.GetUtcNow().Add(timeout).ToUnixTimeMilliseconds();
        }
        _pending[id] = call;
        return id;
    }

    private async Task SendAsync(SiloAddress target, Message message, CancellationToken cancellationToken)
    {
        if (_dead.ContainsKey(target))
        {
            throw new SiloUnavailableException($"Silo {target} is dead.");
        }
        if (_blocked.ContainsKey(target.Endpoint))
        {
            throw new SiloUnavailableException($"Traffic to {target} is blocked.");
        }
        var connection = await GetConnectionAsync(target, cancellationToken);
        if (!connection.TrySend(message))
        {
            throw new SiloUnavailableException($"The connection to {target} closed.");
        }
    }

    private async Task<SiloConnection> GetConnectionAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var lazy = _outbound.GetOrAdd(target, t => new Lazy<Task<SiloConnection>>(() => ConnectAsync(t)));
            try
            {
                var connection = await lazy.Value.WaitAsync(cancellationToken);
                if (!connection.IsClosed)
                {
                    return connection;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _outbound.TryRemove(KeyValuePair.Create(target, lazy));
                throw exception as SiloUnavailableException ?? new SiloUnavailableException($"Cannot connect to {target}: {exception.Message}");
            }
            _outbound.TryRemove(KeyValuePair.Create(target, lazy));
        }
        throw new SiloUnavailableException($"Cannot keep a connection to {target}.");
    }

    private async Task<SiloConnection> ConnectAsync(SiloAddress target)
    {
        var socket = new Socket(target.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(target.Endpoint, timeout.Token);
            var stream = new NetworkStream(socket, ownsSocket: false);
            var peer = await Handshake.ClientAsync(stream, _self, _clusterId, _secret, timeout.Token);
            if (!peer.Equals(target))
            {
                socket.Dispose();
                throw new SiloUnavailableException($"{target.Endpoint} is now silo {peer}, not {target}: the old generation is gone.");
            }
            var connection = new SiloConnection(socket, stream, peer, OnMessageAsync, OnClosed);
            connection.Start();
            return connection;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or IOException or UnauthorizedAccessException)
        {
            socket.Dispose();
            throw new SiloUnavailableException($"Cannot connect to {target}: {exception.Message}");
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException exception)
            {
                LogAcceptFailed(_logger, exception.Message);
                continue;
            }
            _ = Task.Run(() => AcceptAsync(socket));
        }
    }

    private async Task AcceptAsync(Socket socket)
    {
        socket.NoDelay = true;
        var stream = new NetworkStream(socket, ownsSocket: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            var peer = await Handshake.ServerAsync(stream, _self, _clusterId, _secret,
                silo => _dead.ContainsKey(silo) || IsRefused(silo) || _blocked.ContainsKey(silo.Endpoint), timeout.Token);
            var connection = new SiloConnection(socket, stream, peer, OnMessageAsync, OnClosed);
            _inbound[connection] = 0;
            connection.Start();
        }
        catch (Exception exception)
        {
            LogRefused(_logger, socket.RemoteEndPoint?.ToString() ?? "?", exception.Message);
            socket.Dispose();
        }
    }

    private ValueTask OnMessageAsync(Message message, SiloConnection connection)
    {
        if (_blocked.ContainsKey(connection.Peer.Endpoint))
        {
            return ValueTask.CompletedTask;
        }
        if (message.Direction == MessageDirection.Response)
        {
            if (_pending.TryGetValue(message.Id, out var call))
            {
                call.Deliver(message);
            }
            return ValueTask.CompletedTask;
        }
        if (message.InterfaceName == CancelStream)
        {
            if (_producing.TryRemove((connection.Peer, message.Id), out var producer))
            {
                producer.Cancel();
            }
            return ValueTask.CompletedTask;
        }
        if (message.TargetSilo is { } target && !target.Equals(_self))
        {
            // Addressed to another generation of this endpoint: that silo is gone; the caller must reroute.
            Reply(connection, message.CreateResponse(ResponseKind.Rejection, Encoding.UTF8.GetBytes($"Silo {target} is gone; this is {_self}.")));
            return ValueTask.CompletedTask;
        }
        if (message.IsExpired(_time))
        {
            return ValueTask.CompletedTask;
        }
        var aborted = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        if (message.Direction == MessageDirection.Request)
        {
            _producing[(connection.Peer, message.Id)] = aborted;
        }
        var sink = new ResponseSink(this, connection, message, aborted);
        _ = Task.Run(async () =>
        {
            try
            {
                await OnRequest(message, sink);
            }
            catch (Exception exception)
            {
                LogHandlerFailed(_logger, message.TargetGrain.ToString(), exception);
                sink.Send(message.CreateResponse(ResponseKind.Error, Encoding.UTF8.GetBytes(exception.Message)));
            }
        });
        return ValueTask.CompletedTask;
    }

    private void Reply(SiloConnection inboundConnection, Message response)
    {
        response.SendingSilo = _self;
        // Answer on the connection the request came in on; it is the caller's, and it is open.
        if (!inboundConnection.TrySend(response) && response.TargetSilo is { } target)
        {
            _ = SendAsync(target, response, CancellationToken.None).ContinueWith(_ => { }, TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    private void OnClosed(SiloConnection connection, Exception? reason)
    {
        _inbound.TryRemove(connection, out _);
        foreach (var (silo, lazy) in _outbound)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && lazy.Value.Result == connection)
            {
                _outbound.TryRemove(KeyValuePair.Create(silo, lazy));
                FailPending(silo, new SiloUnavailableException($"The connection to {silo} closed: {reason?.Message ?? "closed"}."));
            }
        }
        foreach (var (key, producer) in _producing.Where(p => p.Key.Item1.Equals(connection.Peer)))
        {
            if (_producing.TryRemove(KeyValuePair.Create(key, producer)))
            {
                producer.Cancel();
            }
        }
        if (reason is not null && !_stopping.IsCancellationRequested)
        {
            LogConnectionClosed(_logger, connection.Peer.ToParsableString(), reason.Message);
        }
    }

    private void FailPending(SiloAddress silo, Exception reason)
    {
        foreach (var (id, call) in _pending)
        {
            if (call.Target.Equals(silo) && _pending.TryRemove(id, out _))
            {
                call.Fail(reason);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener?.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        var connections = _outbound.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully).Select(l => l.Value.Result).Concat(_inbound.Keys).ToArray();
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
        foreach (var (id, call) in _pending)
        {
            _pending.TryRemove(id, out _);
            call.Fail(new SiloUnavailableException("This silo's messaging stopped."));
        }
    }

    private sealed class PendingCall(SiloAddress target, bool streaming)
    {
        public SiloAddress Target { get; } = target;

        public TaskCompletionSource<Message> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Channel<Message>? Items { get; } = streaming ? Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true }) : null;

        public void Deliver(Message message)
        {
            if (Items is null)
            {
                Response.TrySetResult(message);
            }
            else
            {
                Items.Writer.TryWrite(message);
            }
        }

        public void Fail(Exception reason)
        {
            Response.TrySetException(reason);
            Items?.Writer.TryComplete(reason);
        }
    }

    private sealed class ResponseSink(SiloMessageCenter center, SiloConnection connection, Message request, CancellationTokenSource aborted) : IResponseSink
    {
        public CancellationToken Aborted => aborted.Token;

        public void Send(Message response)
        {
            if (request.Direction == MessageDirection.OneWay)
            {
                return;
            }
            center.Reply(connection, response);
            if (response.Result is not ResponseKind.StreamItem)
            {
                center._producing.TryRemove(KeyValuePair.Create((connection.Peer, request.Id), aborted));
                aborted.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a connection from {Remote}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accepting a connection failed: {Reason}")]
    private static partial void LogAcceptFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection to {Peer} closed: {Reason}")]
    private static partial void LogConnectionClosed(ILogger logger, string peer, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to {Peer} failed: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string peer, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a message for {Grain} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string grain, Exception exception);
}
