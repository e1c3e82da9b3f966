using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Services;

/// <summary>
/// One userspace proxy listener: each accepted connection is joined to a ready endpoint of its Service port,
/// chosen by rotation from the snapshot current at accept time, skipping endpoints that refuse or do not answer.
/// Bytes are copied both ways until both sides are done; a half-close is passed on.
/// </summary>
public sealed partial class ServiceListener : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    private readonly Socket _listener;
    private readonly ListenerSpec _spec;
    private readonly Func<ServiceSnapshot> _snapshot;
    private readonly Func<ServicePortKey, long> _nextTurn;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private ServiceListener(Socket listener, ListenerSpec spec, Func<ServiceSnapshot> snapshot, Func<ServicePortKey, long> nextTurn, ILogger logger, CancellationToken connections)
    {
        _listener = listener;
        _spec = spec;
        _snapshot = snapshot;
        _nextTurn = nextTurn;
        _logger = logger;
        _accepting = AcceptAsync(connections);
    }

    /// <summary>
    /// Binds and starts accepting; null when the address is taken (another agent on this machine serves it, logged
    /// at debug) or cannot be bound. <paramref name="connections"/> ends the connections already joined.
    /// </summary>
    public static ServiceListener? TryStart(ListenerSpec spec, Func<ServiceSnapshot> snapshot, Func<ServicePortKey, long> nextTurn, ILogger logger, CancellationToken connections)
    {
        var socket = new Socket(spec.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(spec.EndPoint);
            socket.Listen(128);
            LogListening(logger, spec);
            return new ServiceListener(socket, spec, snapshot, nextTurn, logger, connections);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            if (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                LogInUse(logger, spec);
            }
            else
            {
                LogBindFailed(logger, spec, exception.Message);
            }
            return null;
        }
    }

    /// <summary>Stops accepting; connections already joined carry on until they end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken connections)
    {
        await Task.Yield();
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException && _stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            _ = Task.Run(() => ServeAsync(client, connections), CancellationToken.None);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        using (client)
        {
            var targets = _snapshot().Targets(_spec.Target);
            var turn = _nextTurn(_spec.Target);
            foreach (var index in EndpointRotation.Order(turn, targets.Count))
            {
                using var backend = await TryConnectAsync(targets[index], cancellationToken);
                if (backend is not null)
                {
                    await JoinAsync(client, backend, cancellationToken);
                    return;
                }
            }
            LogNoEndpoint(_logger, _spec, targets.Count);
        }
    }

    private async Task<Socket?> TryConnectAsync(IPEndPoint target, CancellationToken cancellationToken)
    {
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(target, timeout.Token);
            return socket;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogEndpointFailed(_logger, _spec, target, exception.Message);
            socket.Dispose();
            return null;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task JoinAsync(Socket client, Socket backend, CancellationToken cancellationToken)
    {
        using var broken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAll(CopyAsync(client, backend, broken), CopyAsync(backend, client, broken));
    }

    /// <summary>Copies until the source ends, then half-closes the destination; a failure either way ends both directions.</summary>
    private static async Task CopyAsync(Socket from, Socket to, CancellationTokenSource broken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, broken.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, broken.Token);
            }
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            await broken.CancelAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Proxying {Spec}")]
    private static partial void LogListening(ILogger logger, ListenerSpec spec);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Spec}: the address is in use, left to whoever holds it (another agent on this machine)")]
    private static partial void LogInUse(ILogger logger, ListenerSpec spec);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Spec}: cannot listen: {Error}")]
    private static partial void LogBindFailed(ILogger logger, ListenerSpec spec, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Spec}: endpoint {Target} did not take the connection: {Error}")]
    private static partial void LogEndpointFailed(ILogger logger, ListenerSpec spec, IPEndPoint target, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Spec}: no endpoint took the connection ({Count} ready)")]
    private static partial void LogNoEndpoint(ILogger logger, ListenerSpec spec, int count);
}
