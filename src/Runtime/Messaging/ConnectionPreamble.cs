using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Actors.Runtime.Messaging;

/// <summary>
/// The pure half of the connection preamble (Orleans' <c>ConnectionPreamble</c> plus our shared-secret check).
/// Each side sends a <see cref="PreambleHello"/> with a random nonce, then proves knowledge of the cluster
/// secret with HMAC-SHA256 over the other side's nonce, both nonces, both addresses, the cluster id and its
/// role. The secret never crosses the wire; fresh nonces defeat replay; the role and the addresses defeat
/// reflecting a proof back at its author.
/// </summary>
internal static class ConnectionPreamble
{
    public const int ProtocolVersion = 1;

    public const int NonceLength = 32;

    public const int ProofLength = 32;

    /// <summary>Bounds every preamble frame, so an unauthenticated peer cannot make us buffer much.</summary>
    public const int MaxFrameLength = 4096;

    private static readonly byte[] Label = Encoding.ASCII.GetBytes("actors-silo-preamble-v1");

    public static PreambleHello CreateHello(string clusterId, SiloAddress silo) =>
        new(ProtocolVersion, clusterId, silo, RandomNumberGenerator.GetBytes(NonceLength));

    public static byte[] EncodeHello(PreambleHello hello)
    {
        var cluster = Encoding.UTF8.GetBytes(hello.ClusterId);
        var silo = Encoding.UTF8.GetBytes(hello.Silo.ToParsableString());
        var buffer = new byte[4 + 2 + cluster.Length + 2 + silo.Length + NonceLength];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, hello.ProtocolVersion);
        var position = 4;
        position += WriteField(span[position..], cluster);
        position += WriteField(span[position..], silo);
        hello.Nonce.CopyTo(span[position..]);
        return buffer;
    }

    /// <summary>Decodes a hello; throws <see cref="PreambleException"/> naming what is malformed.</summary>
    public static PreambleHello DecodeHello(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4)
        {
            throw new PreambleException("Preamble hello is shorter than its protocol version.");
        }
        var version = BinaryPrimitives.ReadInt32LittleEndian(payload);
        var rest = payload[4..];
        var cluster = ReadField(ref rest, "cluster id");
        var siloText = ReadField(ref rest, "silo address");
        if (rest.Length != NonceLength)
        {
            throw new PreambleException($"Preamble nonce is {rest.Length} bytes; expected {NonceLength}.");
        }
        SiloAddress silo;
        try
        {
            silo = SiloAddress.Parse(siloText);
        }
        catch (FormatException exception)
        {
            throw new PreambleException($"Preamble sender: {exception.Message}");
        }
        return new PreambleHello(version, cluster, silo, rest.ToArray());
    }

    /// <summary>
    /// Why a peer's hello is refused, or null to continue with the proof. <paramref name="expectedPeer"/> is the
    /// silo an initiator meant to reach: another generation on that endpoint is not it.
    /// </summary>
    public static string? Validate(PreambleHello peer, string clusterId, SiloAddress local, Func<SiloAddress, bool> isDead, SiloAddress? expectedPeer)
    {
        if (peer.ProtocolVersion != ProtocolVersion)
        {
            return $"protocol version {peer.ProtocolVersion} is not {ProtocolVersion}";
        }
        if (!string.Equals(peer.ClusterId, clusterId, StringComparison.Ordinal))
        {
            return $"cluster id '{peer.ClusterId}' is not '{clusterId}'";
        }
        if (peer.Silo.Equals(local))
        {
            return $"peer claims to be this silo ({local})";
        }
        if (expectedPeer is not null && !peer.Silo.Equals(expectedPeer))
        {
            return $"peer is {peer.Silo}, not the expected {expectedPeer}";
        }
        if (isDead(peer.Silo))
        {
            return $"silo {peer.Silo} is declared dead";
        }
        return null;
    }

    public static byte[] ComputeProof(ReadOnlySpan<byte> secret, PreambleRole proverRole, PreambleHello prover, PreambleHello verifier)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Label);
        hmac.AppendData([(byte)proverRole]);
        hmac.AppendData(prover.Nonce);
        hmac.AppendData(verifier.Nonce);
        AppendField(hmac, prover.Silo.ToParsableString());
        AppendField(hmac, verifier.Silo.ToParsableString());
        AppendField(hmac, prover.ClusterId);
        return hmac.GetHashAndReset();
    }

    public static bool VerifyProof(ReadOnlySpan<byte> secret, PreambleRole proverRole, PreambleHello prover, PreambleHello verifier, ReadOnlySpan<byte> proof) =>
        proof.Length == ProofLength && CryptographicOperations.FixedTimeEquals(ComputeProof(secret, proverRole, prover, verifier), proof);

    private static void AppendField(IncrementalHash hmac, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hmac.AppendData(length);
        hmac.AppendData(bytes);
    }

    private static int WriteField(Span<byte> span, byte[] value)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw new PreambleException("Preamble field is too long.");
        }
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value.Length);
        value.CopyTo(span[2..]);
        return 2 + value.Length;
    }

    private static string ReadField(ref ReadOnlySpan<byte> span, string name)
    {
        if (span.Length < 2)
        {
            throw new PreambleException($"Preamble {name} is truncated.");
        }
        var length = BinaryPrimitives.ReadUInt16LittleEndian(span);
        if (span.Length < 2 + length)
        {
            throw new PreambleException($"Preamble {name} is truncated.");
        }
        string value;
        try
        {
            value = new UTF8Encoding(false, true).GetString(span.Slice(2, length));
        }
        catch (ArgumentException)
        {
            throw new PreambleException($"Preamble {name} is not valid UTF-8.");
        }
        span = span[(2 + length)..];
        return value;
    }
}
