using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Services;

/// <summary>
/// One userspace proxy listener for a UDP Service port. Datagrams from one client address form a flow, pinned to
/// the ready endpoint the rotation gives when the flow starts (as conntrack pins a UDP flow); the endpoint's
/// replies go back to the client from the listener's address. A flow ends after <see cref="IdleTimeout"/> without
/// a datagram either way, or when the endpoint refuses (the pod is gone): the client's next datagram starts a new
/// flow to the next endpoint.
/// </summary>
public sealed partial class UdpServiceListener : IAsyncDisposable
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    private readonly Socket _socket;
    private readonly ListenerSpec _spec;
    private readonly Func<ServiceSnapshot> _snapshot;
    private readonly Func<ServicePortKey, long> _nextTurn;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<IPEndPoint, Flow> _flows = new();
    private readonly Task _receiving;

    private UdpServiceListener(Socket socket, ListenerSpec spec, Func<ServiceSnapshot> snapshot, Func<ServicePortKey, long> nextTurn, ILogger logger)
    {
        _socket = socket;
        _spec = spec;
        _snapshot = snapshot;
        _nextTurn = nextTurn;
        _logger = logger;
        _receiving = ReceiveAsync();
    }

    /// <summary>Binds and starts receiving; null when the address is taken (another agent on this machine) or cannot be bound.</summary>
    public static UdpServiceListener? TryStart(ListenerSpec spec, Func<ServiceSnapshot> snapshot, Func<ServicePortKey, long> nextTurn, ILogger logger)
    {
        var socket = new Socket(spec.Address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(spec.EndPoint);
            LogListening(logger, spec);
            return new UdpServiceListener(socket, spec, snapshot, nextTurn, logger);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            LogBindFailed(logger, spec, exception.Message);
            return null;
        }
    }

    /// <summary>Stops receiving and ends every flow.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var flow in _flows.Values)
        {
            flow.Backend.Dispose();
        }
        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        await Task.Yield();
        var buffer = new byte[ushort.MaxValue];
        EndPoint anyone = new IPEndPoint(_spec.Address.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, anyone, _stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException && _stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            var client = (IPEndPoint)received.RemoteEndPoint;
            if ((_flows.GetValueOrDefault(client) ?? Open(client)) is not { } flow)
            {
                continue;
            }
            try
            {
                flow.LastActive = Environment.TickCount64;
                await flow.Backend.SendAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, _stop.Token);
            }
            catch (SocketException exception)
            {
                LogEndpointFailed(_logger, _spec, flow.Target, exception.Message);
            }
        }
    }

    /// <summary>A new flow to the next ready endpoint; null when there is none.</summary>
    private Flow? Open(IPEndPoint client)
    {
        var targets = _snapshot().Targets(_spec.Target);
        if (targets.Count == 0)
        {
            LogNoEndpoint(_logger, _spec);
            return null;
        }
        var target = targets[EndpointRotation.Order(_nextTurn(_spec.Target), targets.Count).First()];
        var backend = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            backend.Connect(target);
        }
        catch (SocketException exception)
        {
            backend.Dispose();
            LogEndpointFailed(_logger, _spec, target, exception.Message);
            return null;
        }
        var flow = new Flow(backend, target) { LastActive = Environment.TickCount64 };
        _flows[client] = flow;
        _ = Task.Run(() => RelayRepliesAsync(client, flow), CancellationToken.None);
        return flow;
    }

    private async Task RelayRepliesAsync(IPEndPoint client, Flow flow)
    {
        var buffer = new byte[ushort.MaxValue];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                idle.CancelAfter(IdleTimeout);
                int read;
                try
                {
                    read = await flow.Backend.ReceiveAsync(buffer, SocketFlags.None, idle.Token);
                }
                catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
                {
                    if (Environment.TickCount64 - flow.LastActive >= (long)IdleTimeout.TotalMilliseconds)
                    {
                        return;
                    }
                    continue;
                }
                flow.LastActive = Environment.TickCount64;
                await _socket.SendToAsync(buffer.AsMemory(0, read), SocketFlags.None, client, _stop.Token);
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The endpoint refused (its pod is gone) or the listener stopped: the flow ends.
        }
        finally
        {
            _flows.TryRemove(KeyValuePair.Create(client, flow));
            flow.Backend.Dispose();
        }
    }

    /// <summary>One client's datagrams to its endpoint: a connected socket, so the endpoint's replies and refusals come back on it.</summary>
    private sealed class Flow(Socket backend, IPEndPoint target)
    {
        public Socket Backend => backend;

        public IPEndPoint Target => target;

        public long LastActive { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Proxying UDP {Spec}")]
    private static partial void LogListening(ILogger logger, ListenerSpec spec);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Spec}: cannot listen for UDP: {Error}")]
    private static partial void LogBindFailed(ILogger logger, ListenerSpec spec, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Spec}: endpoint {Target} did not take a datagram: {Error}")]
    private static partial void LogEndpointFailed(ILogger logger, ListenerSpec spec, IPEndPoint target, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Spec}: a datagram dropped, no ready endpoint")]
    private static partial void LogNoEndpoint(ILogger logger, ListenerSpec spec);
}
