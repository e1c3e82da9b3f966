using System.Buffers.Binary;
using System.Text;

namespace Actors.Runtime.Messaging;

/// <summary>
/// The I/O half of the preamble, run over the raw stream before any message frame. Initiator: Hello →
/// (Hello, Proof) ← Proof → Accept ←. Each step may instead be a Refuse carrying the reason. Both sides are
/// authenticated before the initiator sends a message, and the acceptor delivers nothing before it said Accept.
/// </summary>
internal static class PreambleHandshake
{
    private const byte KindHello = 1;
    private const byte KindProof = 2;
    private const byte KindAccept = 3;
    private const byte KindRefuse = 4;

    /// <summary>Returns the authenticated peer, or throws <see cref="PreambleException"/> with the reason.</summary>
    public static async Task<SiloAddress> RunAsInitiatorAsync(
        Stream stream, PreambleSettings settings, SiloAddress expectedPeer, CancellationToken ct)
    {
        var hello = ConnectionPreamble.CreateHello(settings.ClusterId, settings.LocalSilo);
        await WriteFrameAsync(stream, KindHello, ConnectionPreamble.EncodeHello(hello), ct);
        var peer = ConnectionPreamble.DecodeHello(await ReadFrameAsync(stream, KindHello, ct));
        var peerProof = await ReadFrameAsync(stream, KindProof, ct);
        var refusal = ConnectionPreamble.Validate(peer, settings.ClusterId, settings.LocalSilo, settings.IsDead, expectedPeer);
        if (refusal is null && !ConnectionPreamble.VerifyProof(settings.Secret, PreambleRole.Acceptor, peer, hello, peerProof))
        {
            refusal = $"{peer.Silo} failed to prove the cluster secret";
        }
        if (refusal is not null)
        {
            await RefuseAsync(stream, refusal, ct);
            throw new PreambleException(refusal);
        }
        await WriteFrameAsync(stream, KindProof, ConnectionPreamble.ComputeProof(settings.Secret, PreambleRole.Initiator, hello, peer), ct);
        await ReadFrameAsync(stream, KindAccept, ct);
        return peer.Silo;
    }

    public static async Task<SiloAddress> RunAsAcceptorAsync(Stream stream, PreambleSettings settings, CancellationToken ct)
    {
        var peer = ConnectionPreamble.DecodeHello(await ReadFrameAsync(stream, KindHello, ct));
        var refusal = ConnectionPreamble.Validate(peer, settings.ClusterId, settings.LocalSilo, settings.IsDead, expectedPeer: null);
        if (refusal is not null)
        {
            await RefuseAsync(stream, refusal, ct);
            throw new PreambleException(refusal);
        }
        var hello = ConnectionPreamble.CreateHello(settings.ClusterId, settings.LocalSilo);
        await WriteFrameAsync(stream, KindHello, ConnectionPreamble.EncodeHello(hello), ct);
        await WriteFrameAsync(stream, KindProof, ConnectionPreamble.ComputeProof(settings.Secret, PreambleRole.Acceptor, hello, peer), ct);
        var proof = await ReadFrameAsync(stream, KindProof, ct);
        if (!ConnectionPreamble.VerifyProof(settings.Secret, PreambleRole.Initiator, peer, hello, proof))
        {
            refusal = $"{peer.Silo} failed to prove the cluster secret";
            await RefuseAsync(stream, "authentication failed", ct);
            throw new PreambleException(refusal);
        }
        await WriteFrameAsync(stream, KindAccept, [], ct);
        return peer.Silo;
    }

    private static async Task RefuseAsync(Stream stream, string reason, CancellationToken ct)
    {
        try
        {
            await WriteFrameAsync(stream, KindRefuse, Encoding.UTF8.GetBytes(reason), ct);
        }
        catch (IOException)
        {
            // The peer may already be gone; the refusal is logged on this side either way.
        }
    }

    private static async Task WriteFrameAsync(Stream stream, byte kind, byte[] payload, CancellationToken ct)
    {
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, 1 + payload.Length);
        frame[4] = kind;
        payload.CopyTo(frame, 5);
        await stream.WriteAsync(frame, ct);
        await stream.FlushAsync(ct);
    }

    private static async Task<byte[]> ReadFrameAsync(Stream stream, byte expectedKind, CancellationToken ct)
    {
        var prefix = new byte[4];
        await ReadExactlyAsync(stream, prefix, ct);
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (length < 1 || length > ConnectionPreamble.MaxFrameLength)
        {
            throw new PreambleException($"Preamble frame length {length} is outside 1..{ConnectionPreamble.MaxFrameLength}.");
        }
        var frame = new byte[length];
        await ReadExactlyAsync(stream, frame, ct);
        var kind = frame[0];
        if (kind == KindRefuse)
        {
            throw new PreambleException($"refused by peer: {Encoding.UTF8.GetString(frame, 1, length - 1)}");
        }
        if (kind != expectedKind)
        {
            throw new PreambleException($"Preamble frame kind {kind} where {expectedKind} was expected.");
        }
        return frame[1..];
    }

    private static async Task ReadExactlyAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, ct);
        }
        catch (EndOfStreamException)
        {
            throw new PreambleException("the peer closed the connection during the preamble");
        }
    }
}
