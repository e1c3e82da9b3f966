using System.Security.Cryptography;
using System.Text;

namespace Actors.Runtime.Messaging;

/// <summary>
/// The connection preamble: both sides name their silo and cluster and prove they know the cluster secret by
/// an HMAC over the other side's fresh nonce. The secret itself never crosses the wire, and a recorded
/// exchange cannot be replayed.
/// </summary>
internal static class Handshake
{
    private const int Magic = 0x41435452; // "ACTR"
    private const int Version = 1;
    private const int NonceLength = 32;

    public static async Task<SiloAddress> ClientAsync(Stream stream, SiloAddress self, string clusterId, byte[] secret, CancellationToken cancellationToken)
    {
        var clientNonce = RandomNumberGenerator.GetBytes(NonceLength);
        await WriteAsync(stream, Hello(self, clusterId, clientNonce), cancellationToken);
        var (serverSilo, serverCluster, serverNonce, serverProof) = ReadServerHello(await ReadAsync(stream, cancellationToken));
        if (serverCluster != clusterId)
        {
            throw new UnauthorizedAccessException($"Peer {serverSilo} belongs to cluster '{serverCluster}', not '{clusterId}'.");
        }
        if (!CryptographicOperations.FixedTimeEquals(serverProof, Proof(secret, "server", clientNonce, serverNonce, clusterId)))
        {
            throw new UnauthorizedAccessException($"Peer {serverSilo} does not know the cluster secret.");
        }
        await WriteAsync(stream, Proof(secret, "client", serverNonce, clientNonce, clusterId), cancellationToken);
        return serverSilo;
    }

    public static async Task<SiloAddress> ServerAsync(Stream stream, SiloAddress self, string clusterId, byte[] secret, Func<SiloAddress, bool> isRefused, CancellationToken cancellationToken)
    {
        var (clientSilo, clientCluster, clientNonce) = ReadHello(await ReadAsync(stream, cancellationToken));
        if (clientCluster != clusterId)
        {
            throw new UnauthorizedAccessException($"Peer {clientSilo} belongs to cluster '{clientCluster}', not '{clusterId}'.");
        }
        if (isRefused(clientSilo))
        {
            throw new UnauthorizedAccessException($"Peer {clientSilo} is declared dead.");
        }
        var serverNonce = RandomNumberGenerator.GetBytes(NonceLength);
        var hello = Hello(self, clusterId, serverNonce);
        await WriteAsync(stream, [.. hello, .. Proof(secret, "server", clientNonce, serverNonce, clusterId)], cancellationToken);
        var clientProof = await ReadAsync(stream, cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(clientProof, Proof(secret, "client", serverNonce, clientNonce, clusterId)))
        {
            throw new UnauthorizedAccessException($"Peer {clientSilo} does not know the cluster secret.");
        }
        return clientSilo;
    }

    private static byte[] Hello(SiloAddress self, string clusterId, byte[] nonce)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(self.ToParsableString());
            writer.Write(clusterId);
            writer.Write(nonce);
        }
        return stream.ToArray();
    }

    private static (SiloAddress Silo, string ClusterId, byte[] Nonce) ReadHello(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data), Encoding.UTF8);
        return ReadHello(reader);
    }

    private static (SiloAddress Silo, string ClusterId, byte[] Nonce) ReadHello(BinaryReader reader)
    {
        try
        {
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version)
            {
                throw new UnauthorizedAccessException("The peer does not speak this silo protocol version.");
            }
            var silo = SiloAddress.Parse(reader.ReadString());
            var cluster = reader.ReadString();
            var nonce = reader.ReadBytes(NonceLength);
            if (nonce.Length != NonceLength)
            {
                throw new UnauthorizedAccessException("The peer's preamble is truncated.");
            }
            return (silo, cluster, nonce);
        }
        catch (Exception exception) when (exception is EndOfStreamException or FormatException)
        {
            throw new UnauthorizedAccessException("The peer's preamble is malformed: " + exception.Message);
        }
    }

    private static (SiloAddress Silo, string ClusterId, byte[] Nonce, byte[] Proof) ReadServerHello(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data), Encoding.UTF8);
        var (silo, cluster, nonce) = ReadHello(reader);
        return (silo, cluster, nonce, reader.ReadBytes(HMACSHA256.HashSizeInBytes));
    }

    private static byte[] Proof(byte[] secret, string role, byte[] challenge, byte[] ownNonce, string clusterId)
    {
        byte[] data = [.. Encoding.UTF8.GetBytes(role + "|" + clusterId + "|"), .. challenge, .. ownNonce];
        return HMACSHA256.HashData(secret, data);
    }

    private static async Task WriteAsync(Stream stream, byte[] payload, CancellationToken cancellationToken)
    {
        var length = BitConverter.GetBytes(payload.Length);
        await stream.WriteAsync(length, cancellationToken);
        await stream.WriteAsync(payload, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static async Task<byte[]> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var length = new byte[4];
        await stream.ReadExactlyAsync(length, cancellationToken);
        var size = BitConverter.ToInt32(length);
        if (size is < 0 or > 4096)
        {
            throw new UnauthorizedAccessException($"The peer's preamble length {size} is not plausible.");
        }
        var payload = new byte[size];
        await stream.ReadExactlyAsync(payload, cancellationToken);
        return payload;
    }
}
