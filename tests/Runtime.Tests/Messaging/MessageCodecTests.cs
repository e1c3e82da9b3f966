using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using Actors.Runtime.Messaging;

namespace Actors.Runtime.Tests.Messaging;

[Trait("Category", "Unit")]
public sealed class MessageCodecTests
{
    private static Message FullMessage() => new()
    {
        Id = -1234567890123L,
        Direction = MessageDirection.Request,
        Result = ResponseKind.None,
        SendingSilo = new SiloAddress(new IPEndPoint(IPAddress.Parse("10.1.2.3"), 11111), 42),
        TargetSilo = new SiloAddress(new IPEndPoint(IPAddress.IPv6Loopback, 65535), int.MaxValue),
        TargetGrain = new GrainId("pod", "default/nginx-ünïcode"),
        InterfaceName = "Actors.Grains.IPodGrain",
        MethodName = "GetAsync/0",
        IsReadOnly = true,
        IsAlwaysInterleave = true,
        CallChainId = "chain-1",
        DeadlineUnixMs = 1_800_000_000_000,
        ForwardCount = 2,
        Body = [1, 2, 3, 255],
    };

    private static byte[] Encode(Message message)
    {
        var writer = new ArrayBufferWriter<byte>();
        var written = MessageCodec.Write(writer, message);
        Assert.Equal(writer.WrittenCount, written);
        return writer.WrittenSpan.ToArray();
    }

    private static void AssertSame(Message expected, Message actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Direction, actual.Direction);
        Assert.Equal(expected.Result, actual.Result);
        Assert.Equal(expected.SendingSilo, actual.SendingSilo);
        Assert.Equal(expected.TargetSilo, actual.TargetSilo);
        Assert.Equal(expected.TargetGrain, actual.TargetGrain);
        Assert.Equal(expected.InterfaceName, actual.InterfaceName);
        Assert.Equal(expected.MethodName, actual.MethodName);
        Assert.Equal(expected.IsReadOnly, actual.IsReadOnly);
        Assert.Equal(expected.IsAlwaysInterleave, actual.IsAlwaysInterleave);
        Assert.Equal(expected.CallChainId, actual.CallChainId);
        Assert.Equal(expected.DeadlineUnixMs, actual.DeadlineUnixMs);
        Assert.Equal(expected.ForwardCount, actual.ForwardCount);
        Assert.Equal(expected.Body, actual.Body);
    }

    [Fact]
    public void RoundTrip_AllFields_Preserved()
    {
        var message = FullMessage();
        var sequence = new ReadOnlySequence<byte>(Encode(message));

        Assert.True(MessageCodec.TryReadFrame(ref sequence, out var decoded));

        AssertSame(message, decoded);
        Assert.True(sequence.IsEmpty);
    }

    [Fact]
    public void RoundTrip_MinimalMessage_KeepsNullsAndDefaults()
    {
        var message = new Message { Direction = MessageDirection.Response, Result = ResponseKind.StreamEnd };
        var sequence = new ReadOnlySequence<byte>(Encode(message));

        Assert.True(MessageCodec.TryReadFrame(ref sequence, out var decoded));

        AssertSame(message, decoded);
        Assert.Null(decoded.SendingSilo);
        Assert.Equal(default, decoded.TargetGrain);
        Assert.Empty(decoded.Body);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void TryReadFrame_FrameSpanningSegments_Decodes(int chunk)
    {
        var message = FullMessage();
        var sequence = BufferSegment.Split(Encode(message), chunk);

        Assert.True(MessageCodec.TryReadFrame(ref sequence, out var decoded));

        AssertSame(message, decoded);
    }

    [Fact]
    public void TryReadFrame_PartialFrame_ReturnsFalseAndConsumesNothing()
    {
        var bytes = Encode(FullMessage());
        for (var length = 0; length < bytes.Length; length++)
        {
            var sequence = new ReadOnlySequence<byte>(bytes, 0, length);
            Assert.False(MessageCodec.TryReadFrame(ref sequence, out _));
            Assert.Equal(length, sequence.Length);
        }
    }

    [Fact]
    public void TryReadFrame_TwoFrames_ReadsBothInOrder()
    {
        var first = FullMessage();
        var second = FullMessage();
        second.Id = 7;
        var sequence = new ReadOnlySequence<byte>([.. Encode(first), .. Encode(second)]);

        Assert.True(MessageCodec.TryReadFrame(ref sequence, out var a));
        Assert.True(MessageCodec.TryReadFrame(ref sequence, out var b));

        Assert.Equal(first.Id, a.Id);
        Assert.Equal(7, b.Id);
        Assert.False(MessageCodec.TryReadFrame(ref sequence, out _));
    }

    public static TheoryData<string, int, int> BadPrefixes => new()
    {
        { "zero header", 0, 0 },
        { "negative header", -1, 0 },
        { "header over 1 MiB", MessageCodec.MaxHeaderLength + 1, 0 },
        { "negative body", 10, -5 },
        { "body over 64 MiB", 10, MessageCodec.MaxBodyLength + 1 },
    };

    [Theory]
    [MemberData(nameof(BadPrefixes))]
    public void TryReadFrame_PrefixOutsideLimits_Throws(string name, int headerLength, int bodyLength)
    {
        var prefix = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, headerLength);
        BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(4), bodyLength);
        var sequence = new ReadOnlySequence<byte>(prefix);

        var exception = Assert.Throws<MessageCodecException>(() => MessageCodec.TryReadFrame(ref sequence, out _));

        Assert.Contains("length", exception.Message, StringComparison.Ordinal);
        Assert.NotEmpty(name);
    }

    public static TheoryData<string, Func<byte[], byte[]>> CorruptHeaders => new()
    {
        { "unknown format", header => Patch(header, 0, 9) },
        { "unknown direction", header => Patch(header, 9, 200) },
        { "unknown result", header => Patch(header, 10, 200) },
        { "unknown flag bits", header => Patch(header, 11, 0x80) },
        { "truncated", header => header[..20] },
        { "trailing bytes", header => [.. header, 0] },
        { "bad silo address length", header => Patch(header, 1 + 8 + 3 + 8 + 4, 7) },
    };

    [Theory]
    [MemberData(nameof(CorruptHeaders))]
    public void ReadHeader_Malformed_ThrowsNamingTheProblem(string name, Func<byte[], byte[]> corrupt)
    {
        var bytes = Encode(FullMessage());
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var header = bytes.AsSpan(8, headerLength).ToArray();

        var exception = Assert.Throws<MessageCodecException>(() => MessageCodec.ReadHeader(corrupt(header)));

        Assert.False(string.IsNullOrWhiteSpace(exception.Message), name);
    }

    [Fact]
    public void ReadHeader_InvalidUtf8_Throws()
    {
        var message = new Message { InterfaceName = "ab" };
        var bytes = Encode(message);
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var header = bytes.AsSpan(8, headerLength).ToArray();
        var at = header.AsSpan().IndexOf("ab"u8);
        header[at] = 0xff;

        var exception = Assert.Throws<MessageCodecException>(() => MessageCodec.ReadHeader(header));

        Assert.Contains("UTF-8", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadHeader_StringLengthBeyondHeader_Throws()
    {
        var bytes = Encode(new Message { InterfaceName = "abc" });
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var header = bytes.AsSpan(8, headerLength).ToArray();
        // The interface name's length byte follows the two null grain-id strings at the end of the fixed part.
        header[1 + 8 + 3 + 8 + 4 + 2] = 100;

        var exception = Assert.Throws<MessageCodecException>(() => MessageCodec.ReadHeader(header));

        Assert.Contains("exceeds", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_BodyOverLimit_ThrowsBeforeWriting()
    {
        var writer = new ArrayBufferWriter<byte>();
        var message = new Message { Body = new byte[MessageCodec.MaxBodyLength + 1] };

        Assert.Throws<MessageCodecException>(() => MessageCodec.Write(writer, message));

        Assert.Equal(0, writer.WrittenCount);
    }

    [Fact]
    public void TryReadFrame_WithCache_ReusesSiloAddressInstances()
    {
        var cache = new SiloAddressCache();
        var first = new ReadOnlySequence<byte>(Encode(FullMessage()));
        var second = new ReadOnlySequence<byte>(Encode(FullMessage()));

        Assert.True(MessageCodec.TryReadFrame(ref first, out var a, cache));
        Assert.True(MessageCodec.TryReadFrame(ref second, out var b, cache));

        Assert.Same(a.SendingSilo, b.SendingSilo);
        Assert.Same(a.TargetSilo, b.TargetSilo);
    }

    private static byte[] Patch(byte[] header, int offset, byte value)
    {
        var copy = header.ToArray();
        copy[offset] = value;
        return copy;
    }
}
