using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Actors.Runtime.Messaging;

/// <summary>
/// The frame format between silos, as Orleans' <c>MessageSerializer</c>: an 8-byte prefix (int32 LE header
/// length, int32 LE body length), then the header, then the body. The header is a fixed binary layout of
/// <see cref="Message"/>'s fields; the body is opaque. Pure: no I/O, no state beyond the caller's buffers.
/// </summary>
public static class MessageCodec
{
    public const int PrefixLength = 8;

    public const int MaxHeaderLength = 1 << 20;

    public const int MaxBodyLength = 64 << 20;

    /// <summary>Lets the header layout evolve without misreading old frames.</summary>
    private const byte HeaderFormat = 1;

    private const byte FlagReadOnly = 1;
    private const byte FlagAlwaysInterleave = 2;
    private const byte FlagHasSendingSilo = 4;
    private const byte FlagHasTargetSilo = 8;
    private const byte FlagHasCallChain = 16;
    private const byte KnownFlags = 31;

    /// <summary>Writes one complete frame; returns the number of bytes written.</summary>
    public static int Write(IBufferWriter<byte> output, Message message)
    {
        var body = message.Body ?? [];
        if (body.Length > MaxBodyLength)
        {
            throw new MessageCodecException($"Message {message.Id} body is {body.Length} bytes; the limit is {MaxBodyLength}.");
        }
        var headerLength = GetHeaderLength(message);
        if (headerLength > MaxHeaderLength)
        {
            throw new MessageCodecException($"Message {message.Id} header is {headerLength} bytes; the limit is {MaxHeaderLength}.");
        }
        var total = PrefixLength + headerLength;
        var span = output.GetSpan(total);
        BinaryPrimitives.WriteInt32LittleEndian(span, headerLength);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], body.Length);
        WriteHeader(span.Slice(PrefixLength, headerLength), message);
        output.Advance(total);
        if (body.Length > 0)
        {
            output.Write(body);
        }
        return total + body.Length;
    }

    /// <summary>
    /// Reads one frame from the front of <paramref name="buffer"/> and slices it off; false when the frame is not
    /// complete yet. Throws <see cref="MessageCodecException"/> for a malformed frame or one over the limits,
    /// which the prefix alone reveals, so an attacker cannot make the reader buffer 4 GiB.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, [NotNullWhen(true)] out Message? message, SiloAddressCache? cache = null)
    {
        message = null;
        if (buffer.Length < PrefixLength)
        {
            return false;
        }
        Span<byte> prefix = stackalloc byte[PrefixLength];
        buffer.Slice(0, PrefixLength).CopyTo(prefix);
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(prefix[4..]);
        if (headerLength <= 0 || headerLength > MaxHeaderLength)
        {
            throw new MessageCodecException($"Frame header length {headerLength} is outside 1..{MaxHeaderLength}.");
        }
        if (bodyLength < 0 || bodyLength > MaxBodyLength)
        {
            throw new MessageCodecException($"Frame body length {bodyLength} is outside 0..{MaxBodyLength}.");
        }
        var frameLength = (long)PrefixLength + headerLength + bodyLength;
        if (buffer.Length < frameLength)
        {
            return false;
        }
        var headerSequence = buffer.Slice(PrefixLength, headerLength);
        var body = bodyLength == 0 ? [] : buffer.Slice(PrefixLength + headerLength, bodyLength).ToArray();
        if (headerSequence.IsSingleSegment)
        {
            message = ReadHeader(headerSequence.FirstSpan, cache);
        }
        else
        {
            var rented = ArrayPool<byte>.Shared.Rent(headerLength);
            try
            {
                headerSequence.CopyTo(rented);
                message = ReadHeader(rented.AsSpan(0, headerLength), cache);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        message.Body = body;
        buffer = buffer.Slice(frameLength);
        return true;
    }

    /// <summary>Decodes a header alone (the body is left empty).</summary>
    public static Message ReadHeader(ReadOnlySpan<byte> header, SiloAddressCache? cache = null)
    {
        var reader = new HeaderReader(header);
        var format = reader.ReadByte();
        if (format != HeaderFormat)
        {
            throw new MessageCodecException($"Header format {format} is not supported (expected {HeaderFormat}).");
        }
        var id = reader.ReadInt64();
        var direction = reader.ReadByte();
        if (direction > (byte)MessageDirection.StreamCancel)
        {
            throw new MessageCodecException($"Header direction {direction} is not a MessageDirection.");
        }
        var result = reader.ReadByte();
        if (result > (byte)ResponseKind.StreamEnd)
        {
            throw new MessageCodecException($"Header result {result} is not a ResponseKind.");
        }
        var flags = reader.ReadByte();
        if ((flags & ~KnownFlags) != 0)
        {
            throw new MessageCodecException($"Header flags 0x{flags:x2} contain unknown bits.");
        }
        var deadline = reader.ReadInt64();
        var forwardCount = reader.ReadInt32();
        var sending = (flags & FlagHasSendingSilo) != 0 ? reader.ReadSiloAddress(cache) : null;
        var target = (flags & FlagHasTargetSilo) != 0 ? reader.ReadSiloAddress(cache) : null;
        var grainType = reader.ReadString();
        var grainKey = reader.ReadString();
        var interfaceName = reader.ReadString() ?? "";
        var methodName = reader.ReadString() ?? "";
        var callChain = (flags & FlagHasCallChain) != 0 ? reader.ReadString() : null;
        if (!reader.AtEnd)
        {
            throw new MessageCodecException($"Header has {reader.Remaining} unexpected trailing bytes.");
        }
        return new Message
        {
            Id = id,
            Direction = (MessageDirection)direction,
            Result = (ResponseKind)result,
            IsReadOnly = (flags & FlagReadOnly) != 0,
            IsAlwaysInterleave = (flags & FlagAlwaysInterleave) != 0,
            DeadlineUnixMs = deadline,
            ForwardCount = forwardCount,
            SendingSilo = sending,
            TargetSilo = target,
            TargetGrain = grainType is null && grainKey is null ? default : new GrainId(grainType!, grainKey!),
            InterfaceName = interfaceName,
            MethodName = methodName,
            CallChainId = callChain,
        };
    }

    internal static int GetHeaderLength(Message message)
    {
        // format + id + direction + result + flags + deadline + forward count
        var length = 1 + 8 + 1 + 1 + 1 + 8 + 4;
        length += SiloAddressLength(message.SendingSilo) + SiloAddressLength(message.TargetSilo);
        length += StringLength(message.TargetGrain.Type) + StringLength(message.TargetGrain.Key);
        length += StringLength(message.InterfaceName) + StringLength(message.MethodName);
        if (message.CallChainId is not null)
        {
            length += StringLength(message.CallChainId);
        }
        return length;
    }

    private static void WriteHeader(Span<byte> span, Message message)
    {
        var flags = (byte)((message.IsReadOnly ? FlagReadOnly : 0)
            | (message.IsAlwaysInterleave ? FlagAlwaysInterleave : 0)
            | (message.SendingSilo is not null ? FlagHasSendingSilo : 0)
            | (message.TargetSilo is not null ? FlagHasTargetSilo : 0)
            | (message.CallChainId is not null ? FlagHasCallChain : 0));
        var position = 0;
        span[position++] = HeaderFormat;
        BinaryPrimitives.WriteInt64LittleEndian(span[position..], message.Id);
        position += 8;
        span[position++] = (byte)message.Direction;
        span[position++] = (byte)message.Result;
        span[position++] = flags;
        BinaryPrimitives.WriteInt64LittleEndian(span[position..], message.DeadlineUnixMs);
        position += 8;
        BinaryPrimitives.WriteInt32LittleEndian(span[position..], message.ForwardCount);
        position += 4;
        position += WriteSiloAddress(span[position..], message.SendingSilo);
        position += WriteSiloAddress(span[position..], message.TargetSilo);
        position += WriteString(span[position..], message.TargetGrain.Type);
        position += WriteString(span[position..], message.TargetGrain.Key);
        position += WriteString(span[position..], message.InterfaceName);
        position += WriteString(span[position..], message.MethodName);
        if (message.CallChainId is not null)
        {
            WriteString(span[position..], message.CallChainId);
        }
    }

    private static int SiloAddressLength(SiloAddress? silo) =>
        silo is null ? 0 : 1 + (silo.Endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? 16 : 4) + 2 + 4;

    private static int WriteSiloAddress(Span<byte> span, SiloAddress? silo)
    {
        if (silo is null)
        {
            return 0;
        }
        if (!silo.Endpoint.Address.TryWriteBytes(span[1..], out var written) || (written != 4 && written != 16))
        {
            throw new MessageCodecException($"Silo address {silo} cannot be encoded.");
        }
        span[0] = (byte)written;
        BinaryPrimitives.WriteUInt16LittleEndian(span[(1 + written)..], (ushort)silo.Endpoint.Port);
        BinaryPrimitives.WriteInt32LittleEndian(span[(3 + written)..], silo.Generation);
        return 1 + written + 2 + 4;
    }

    /// <summary>A null string is length 0, otherwise UTF-8 length + 1, as a 7-bit varint.</summary>
    private static int StringLength(string? value)
    {
        if (value is null)
        {
            return 1;
        }
        var bytes = Encoding.UTF8.GetByteCount(value);
        return VarIntLength((uint)bytes + 1) + bytes;
    }

    private static int WriteString(Span<byte> span, string? value)
    {
        if (value is null)
        {
            span[0] = 0;
            return 1;
        }
        var bytes = Encoding.UTF8.GetByteCount(value);
        var position = WriteVarInt(span, (uint)bytes + 1);
        return position + Encoding.UTF8.GetBytes(value, span[position..]);
    }

    private static int VarIntLength(uint value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }
        return length;
    }

    private static int WriteVarInt(Span<byte> span, uint value)
    {
        var position = 0;
        while (value >= 0x80)
        {
            span[position++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[position++] = (byte)value;
        return position;
    }

    private ref struct HeaderReader(ReadOnlySpan<byte> span)
    {
        private readonly ReadOnlySpan<byte> _span = span;
        private int _position;

        public readonly bool AtEnd => _position == _span.Length;

        public readonly int Remaining => _span.Length - _position;

        public byte ReadByte() => Take(1)[0];

        public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public SiloAddress ReadSiloAddress(SiloAddressCache? cache)
        {
            var addressLength = ReadByte();
            if (addressLength != 4 && addressLength != 16)
            {
                throw new MessageCodecException($"Silo address length {addressLength} is neither 4 nor 16.");
            }
            var encoded = Take(addressLength + 6);
            if (cache?.TryGet(encoded) is { } cached)
            {
                return cached;
            }
            var endpoint = new IPEndPoint(new IPAddress(encoded[..addressLength]), BinaryPrimitives.ReadUInt16LittleEndian(encoded[addressLength..]));
            var silo = new SiloAddress(endpoint, BinaryPrimitives.ReadInt32LittleEndian(encoded[(addressLength + 2)..]));
            cache?.Add(encoded, silo);
            return silo;
        }

        public string? ReadString()
        {
            uint value = 0;
            var shift = 0;
            while (true)
            {
                if (shift > 28)
                {
                    throw new MessageCodecException("String length varint is too long.");
                }
                var b = ReadByte();
                value |= (uint)(b & 0x7f) << shift;
                if (b < 0x80)
                {
                    break;
                }
                shift += 7;
            }
            if (value == 0)
            {
                return null;
            }
            if (value - 1 > (uint)Remaining)
            {
                throw new MessageCodecException($"String length {value - 1} exceeds the {Remaining} header bytes left.");
            }
            var bytes = Take((int)(value - 1));
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new MessageCodecException("Header string is not valid UTF-8.");
            }
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > _span.Length - _position)
            {
                throw new MessageCodecException($"Header is truncated: needed {count} more bytes at offset {_position} of {_span.Length}.");
            }
            var slice = _span.Slice(_position, count);
            _position += count;
            return slice;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
