using System.Net.Sockets;

namespace Actors.Runtime.Messaging;

/// <summary>
/// The connections of the message center: one outbound connection per remote silo, dialled on first use and
/// re-dialled after a failure once the retry delay has passed; inbound connections accepted on the silo port;
/// both authenticated by the preamble before they carry a message.
/// </summary>
public sealed partial class SiloMessageCenter
{
    private ValueTask<SiloConnection> GetConnectionAsync(SiloAddress target)
    {
        if (_outbound.TryGetValue(target, out var entry) && entry.Connection.IsCompletedSuccessfully && !entry.Connection.Result.IsClosed)
        {
            return new ValueTask<SiloConnection>(entry.Connection.Result);
        }
        return new ValueTask<SiloConnection>(GetConnectionSlowAsync(target));
    }

    private async Task<SiloConnection> GetConnectionSlowAsync(SiloAddress target)
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (!_outbound.TryGetValue(target, out var entry))
            {
                var created = new OutboundEntry();
                if (!_outbound.TryAdd(target, created))
                {
                    continue;
                }
                _ = ConnectAsync(target, created);
                entry = created;
            }
            var task = entry.Connection;
            if (task.IsCompletedSuccessfully && task.Result.IsClosed)
            {
                _outbound.TryRemove(new KeyValuePair<SiloAddress, OutboundEntry>(target, entry));
                continue;
            }
            if (task.IsFaulted && _time.GetElapsedTime(entry.FailedAt) >= _options.ConnectionRetryDelay)
            {
                _outbound.TryRemove(new KeyValuePair<SiloAddress, OutboundEntry>(target, entry));
                continue;
            }
            return await task;
        }
    }

    private async Task ConnectAsync(SiloAddress target, OutboundEntry entry)
    {
        Socket? socket = null;
        try
        {
            if (IsBlocked(target.Endpoint))
            {
                throw new SiloUnavailableException($"Traffic to silo {target} is blocked.");
            }
            socket = new Socket(target.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                connectTimeout.CancelAfter(_options.ConnectTimeout);
                try
                {
                    await socket.ConnectAsync(target.Endpoint, connectTimeout.Token);
                }
                catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
                {
                    throw new SiloUnavailableException($"Connecting to silo {target} timed out after {_options.ConnectTimeout.TotalSeconds:0.#} s.");
                }
            }
            var stream = new NetworkStream(socket, ownsSocket: true);
            using (var preambleTimeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                preambleTimeout.CancelAfter(_options.PreambleTimeout);
                await PreambleHandshake.RunAsInitiatorAsync(stream, _preamble!, target, preambleTimeout.Token);
            }
            var connection = new SiloConnection(this, socket, stream, target, isOutbound: true);
            Register(connection, "outbound");
            entry.Succeed(connection);
        }
        catch (Exception exception)
        {
            socket?.Dispose();
            var reason = exception is OperationCanceledException ? "preamble timed out or the silo is stopping" : exception.Message;
            MessagingLog.ConnectFailed(_logger, target, reason);
            if (exception is PreambleException)
            {
                MessagingInstruments.ConnectionsRefused.Add(1);
            }
            entry.Fail(exception as SiloUnavailableException ?? new SiloUnavailableException($"Cannot connect to silo {target}: {reason}"), _time.GetTimestamp());
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }
                continue;
            }
            _ = Task.Run(() => AcceptConnectionAsync(socket));
        }
    }

    private async Task AcceptConnectionAsync(Socket socket)
    {
        var remote = socket.RemoteEndPoint?.ToString() ?? "unknown";
        try
        {
            socket.NoDelay = true;
            var stream = new NetworkStream(socket, ownsSocket: true);
            SiloAddress peer;
            using (var preambleTimeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                preambleTimeout.CancelAfter(_options.PreambleTimeout);
                var settings = _preamble! with { IsDead = silo => IsDead(silo) || IsBlocked(silo.Endpoint) };
                peer = await PreambleHandshake.RunAsAcceptorAsync(stream, settings, preambleTimeout.Token);
            }
            Register(new SiloConnection(this, socket, stream, peer, isOutbound: false), "inbound");
        }
        catch (Exception exception)
        {
            socket.Dispose();
            if (!_stopping.IsCancellationRequested)
            {
                MessagingInstruments.ConnectionsRefused.Add(1);
                MessagingLog.InboundRefused(_logger, remote, exception is OperationCanceledException ? "preamble timed out" : exception.Message);
            }
        }
    }

    private void Register(SiloConnection connection, string direction)
    {
        _connections[connection] = 0;
        MessagingInstruments.Connections.Add(1);
        MessagingLog.Connected(_logger, connection.RemoteSilo, direction);
        connection.Start();
        // Closes a connection that raced with Dispose, MarkSiloDead or BlockPeer.
        if (Volatile.Read(ref _disposed) != 0 || IsDead(connection.RemoteSilo) || IsBlocked(connection.RemoteSilo.Endpoint))
        {
            connection.Close("refused after connecting: stopping, dead or blocked");
        }
    }
}
