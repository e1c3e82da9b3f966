using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Services.Dns;

/// <summary>
/// Serves cluster DNS on one address, port 53, over UDP and TCP (RFC 1035 §4.2), from the snapshot current at
/// each query. A port taken by another agent on this machine is left to it (logged at debug).
/// </summary>
public sealed partial class ClusterDnsServer(IPAddress address, Func<ServiceSnapshot> snapshot, ILogger logger, int port = 53)
{
    private const uint Ttl = 5;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var udp = Bind(SocketType.Dgram, ProtocolType.Udp);
        using var tcp = Bind(SocketType.Stream, ProtocolType.Tcp);
        tcp?.Listen(64);
        await Task.WhenAll(
            udp is null ? Task.CompletedTask : ServeUdpAsync(udp, cancellationToken),
            tcp is null ? Task.CompletedTask : ServeTcpAsync(tcp, cancellationToken));
    }

    /// <summary>The answer to one message; null when it is too short to answer at all.</summary>
    public byte[]? Answer(ReadOnlySpan<byte> message, int limit)
    {
        if (DnsWire.ReadQuery(message) is not { } query)
        {
            return null;
        }
        var answer = ClusterDnsResolver.Resolve(query, snapshot());
        return DnsWire.WriteResponse(query, answer.Code, answer.Addresses, answer.Authoritative, Ttl, limit);
    }

    private Socket? Bind(SocketType type, ProtocolType protocol)
    {
        var socket = new Socket(address.AddressFamily, type, protocol);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            LogServing(logger, address, port, protocol);
            return socket;
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            if (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                LogInUse(logger, address, port, protocol);
            }
            else
            {
                LogBindFailed(logger, address, port, protocol, exception.Message);
            }
            return null;
        }
    }

    private async Task ServeUdpAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[DnsWire.MaxUdpLength * 8];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
                if (Answer(buffer.AsSpan(0, received.ReceivedBytes), DnsWire.MaxUdpLength) is { } response)
                {
                    await socket.SendToAsync(response, SocketFlags.None, received.RemoteEndPoint, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException exception)
            {
                LogQueryFailed(logger, exception.Message);
            }
        }
    }

    private async Task ServeTcpAsync(Socket listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var client = await listener.AcceptAsync(cancellationToken);
                _ = Task.Run(() => ServeConnectionAsync(client, cancellationToken), CancellationToken.None);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException exception)
            {
                LogQueryFailed(logger, exception.Message);
            }
        }
    }

    /// <summary>Answers length-prefixed messages until the client closes or goes quiet.</summary>
    private async Task ServeConnectionAsync(Socket client, CancellationToken cancellationToken)
    {
        using var _ = client;
        using var stream = new NetworkStream(client, ownsSocket: false);
        var prefix = new byte[2];
        try
        {
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                idle.CancelAfter(TimeSpan.FromSeconds(10));
                await stream.ReadExactlyAsync(prefix, idle.Token);
                var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
                await stream.ReadExactlyAsync(message, idle.Token);
                if (Answer(message, ushort.MaxValue) is not { } response)
                {
                    return;
                }
                var framed = new byte[response.Length + 2];
                BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)response.Length);
                response.CopyTo(framed, 2);
                await stream.WriteAsync(framed, idle.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or EndOfStreamException or OperationCanceledException or SocketException)
        {
            // The client closed, went quiet or the server is stopping: the connection simply ends.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster DNS on {Address}:{Port}/{Protocol}")]
    private static partial void LogServing(ILogger logger, IPAddress address, int port, ProtocolType protocol);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cluster DNS: {Address}:{Port}/{Protocol} is in use, left to whoever holds it (another agent on this machine)")]
    private static partial void LogInUse(ILogger logger, IPAddress address, int port, ProtocolType protocol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster DNS: cannot listen on {Address}:{Port}/{Protocol}: {Error}")]
    private static partial void LogBindFailed(ILogger logger, IPAddress address, int port, ProtocolType protocol, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cluster DNS: {Error}")]
    private static partial void LogQueryFailed(ILogger logger, string error);
}
