using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Actors.Runtime.Messaging;

/// <summary>
/// Frames on the silo wire: int32 LE header length, int32 LE body length, header, body. The header is a
/// compact binary encoding of <see cref="Message"/>'s fields; the body is opaque.
/// </summary>
public static class MessageCodec
{
    public const int MaxHeaderLength = 1 << 20;
    public const int MaxBodyLength = 64 << 20;
    public const int PrefixLength = 8;

    public static void Write(IBufferWriter<byte> output, Message message)
    {
        var header = EncodeHeader(message);
        var prefix = output.GetSpan(PrefixLength);
        BinaryPrimitives.WriteInt32LittleEndian(prefix, header.Length);
        BinaryPrimitives.WriteInt32LittleEndian(prefix[4..], message.Body.Length);
        output.Advance(PrefixLength);
        output.Write(header);
        output.Write(message.Body);
    }

    /// <summary>Reads the two lengths of a frame; throws <see cref="InvalidDataException"/> past the limits.</summary>
    public static (int HeaderLength, int BodyLength) ReadPrefix(ReadOnlySpan<byte> prefix)
    {
        var header = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        var body = BinaryPrimitives.ReadInt32LittleEndian(prefix[4..]);
        if (header is < 0 or > MaxHeaderLength)
        {
            throw new InvalidDataException($"Frame header length {header} is outside 0..{MaxHeaderLength}.");
        }
        if (body is < 0 or > MaxBodyLength)
        {
            throw new InvalidDataException($"Frame body length {body} is outside 0..{MaxBodyLength}.");
        }
        return (header, body);
    }

    public static byte[] EncodeHeader(Message message)
    {
        using var stream = new MemoryStream(128);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(message.Id);
            writer.Write((byte)message.Direction);
            writer.Write((byte)message.Result);
            WriteSilo(writer, message.SendingSilo);
            WriteSilo(writer, message.TargetSilo);
            writer.Write(message.TargetGrain.Type ?? "");
            writer.Write(message.TargetGrain.Key ?? "");
            writer.Write(message.InterfaceName);
            writer.Write(message.MethodName);
            var flags = (byte)((message.IsReadOnly ? 1 : 0) | (message.IsAlwaysInterleave ? 2 : 0) | (message.CallChainId is null ? 0 : 4));
            writer.Write(flags);
            if (message.CallChainId is not null)
            {
                writer.Write(message.CallChainId);
                writer.Write(message.AllowCallChainReentrancy);
            }
            writer.Write(message.DeadlineUnixMs);
            writer.Write(message.ForwardCount);
        }
        return stream.ToArray();
    }

    public static Message DecodeHeader(ReadOnlySpan<byte> header, byte[] body)
    {
        using var stream = new MemoryStream(header.ToArray(), writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        try
        {
            var message = new Message
            {
                Id = reader.ReadInt64(),
                Direction = CheckedEnum<MessageDirection>(reader.ReadByte()),
                Result = CheckedEnum<ResponseKind>(reader.ReadByte()),
                SendingSilo = ReadSilo(reader),
                TargetSilo = ReadSilo(reader),
            };
            var grainType = reader.ReadString();
            var grainKey = reader.ReadString();
            message.TargetGrain = new GrainId(grainType, grainKey);
            message.InterfaceName = reader.ReadString();
            message.MethodName = reader.ReadString();
            var flags = reader.ReadByte();
            message.IsReadOnly = (flags & 1) != 0;
            message.IsAlwaysInterleave = (flags & 2) != 0;
            if ((flags & 4) != 0)
            {
                message.CallChainId = reader.ReadString();
                message.AllowCallChainReentrancy = reader.ReadBoolean();
            }
            message.DeadlineUnixMs = reader.ReadInt64();
            message.ForwardCount = reader.ReadInt32();
            message.Body = body;
            return message;
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("Frame header is truncated.");
        }
    }

    private static void WriteSilo(BinaryWriter writer, SiloAddress? silo) => writer.Write(silo?.ToParsableString() ?? "");

    private static SiloAddress? ReadSilo(BinaryReader reader)
    {
        var value = reader.ReadString();
        if (value.Length == 0)
        {
            return null;
        }
        try
        {
            return SiloAddress.Parse(value);
        }
        catch (FormatException exception)
        {
            throw new InvalidDataException(exception.Message);
        }
    }

    private static T CheckedEnum<T>(byte value) where T : struct, Enum =>
        Enum.IsDefined(typeof(T), value) ? (T)Enum.ToObject(typeof(T), value) : throw new InvalidDataException($"{value} is not a {typeof(T).Name}.");
}
