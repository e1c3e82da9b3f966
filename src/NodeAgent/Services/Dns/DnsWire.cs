using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Actors.NodeAgent.Services.Dns;

/// <summary>Reads DNS queries and writes responses in the RFC 1035 wire format, A records only.</summary>
public static class DnsWire
{
    public const int HeaderLength = 12;

    /// <summary>The classic UDP limit without EDNS (RFC 1035 §4.2.1); a longer answer is truncated (TC).</summary>
    public const int MaxUdpLength = 512;

    private const int MaxNameLength = 255;
    private const int MaxPointerJumps = 16;

    /// <summary>Null when not even the header is there (nothing to answer); otherwise the query, perhaps malformed.</summary>
    public static DnsQuery? ReadQuery(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderLength)
        {
            return null;
        }
        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        var opcode = (flags >> 11) & 0xF;
        var recursion = (flags & 0x0100) != 0;
        var isResponse = (flags & 0x8000) != 0;
        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var malformed = new DnsQuery(id, opcode, recursion, "", 0, 0, [], Malformed: true);
        if (isResponse || questions != 1 || ReadName(message, HeaderLength) is not var (name, end) || end + 4 > message.Length)
        {
            return malformed;
        }
        var type = BinaryPrimitives.ReadUInt16BigEndian(message[end..]);
        var @class = BinaryPrimitives.ReadUInt16BigEndian(message[(end + 2)..]);
        return new DnsQuery(id, opcode, recursion, name, type, @class, message[HeaderLength..(end + 4)].ToArray(), Malformed: false);
    }

    /// <summary>
    /// The response to <paramref name="query"/>: the question echoed and one A record per address, each naming the
    /// question by a pointer to offset 12. Truncated to the header and question, TC set, beyond <paramref name="limit"/>.
    /// </summary>
    public static byte[] WriteResponse(DnsQuery query, DnsResponseCode code, IReadOnlyList<IPAddress> addresses, bool authoritative, uint ttl, int limit = int.MaxValue)
    {
        var records = addresses.Where(a => a.AddressFamily == AddressFamily.InterNetwork).ToList();
        var question = query.Malformed ? [] : query.Question;
        var full = HeaderLength + question.Length + (records.Count * 16);
        var truncated = full > limit;
        if (truncated)
        {
            records.Clear();
        }
        var message = new byte[HeaderLength + question.Length + (records.Count * 16)];
        var flags = 0x8000 | (query.Opcode << 11) | (authoritative ? 0x0400 : 0) | (truncated ? 0x0200 : 0) | (query.RecursionDesired ? 0x0100 : 0) | (int)code;
        BinaryPrimitives.WriteUInt16BigEndian(message, query.Id);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)flags);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(4), (ushort)(question.Length == 0 ? 0 : 1));
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(6), (ushort)records.Count);
        question.CopyTo(message, HeaderLength);
        var at = HeaderLength + question.Length;
        foreach (var address in records)
        {
            var record = message.AsSpan(at, 16);
            BinaryPrimitives.WriteUInt16BigEndian(record, 0xC000 | HeaderLength);
            BinaryPrimitives.WriteUInt16BigEndian(record[2..], DnsType.A);
            BinaryPrimitives.WriteUInt16BigEndian(record[4..], DnsType.ClassIn);
            BinaryPrimitives.WriteUInt32BigEndian(record[6..], ttl);
            BinaryPrimitives.WriteUInt16BigEndian(record[10..], 4);
            address.TryWriteBytes(record[12..], out _);
            at += 16;
        }
        return message;
    }

    /// <summary>
    /// A domain name at <paramref name="offset"/> as dotted lower-case text, following compression pointers
    /// (§4.1.4) a bounded number of times, with the offset just past it in the message; null when malformed.
    /// </summary>
    public static (string Name, int End)? ReadName(ReadOnlySpan<byte> message, int offset)
    {
        var text = new StringBuilder();
        var end = -1;
        var jumps = 0;
        while (true)
        {
            if (offset >= message.Length)
            {
                return null;
            }
            var length = message[offset];
            if ((length & 0xC0) == 0xC0)
            {
                if (offset + 1 >= message.Length || ++jumps > MaxPointerJumps)
                {
                    return null;
                }
                if (end < 0)
                {
                    end = offset + 2;
                }
                offset = ((length & 0x3F) << 8) | message[offset + 1];
                continue;
            }
            if ((length & 0xC0) != 0 || offset + 1 + length > message.Length)
            {
                return null;
            }
            if (length == 0)
            {
                return (text.ToString(), end < 0 ? offset + 1 : end);
            }
            if (text.Length > 0)
            {
                text.Append('.');
            }
            foreach (var b in message.Slice(offset + 1, length))
            {
                text.Append(char.ToLowerInvariant((char)b));
            }
            if (text.Length > MaxNameLength)
            {
                return null;
            }
            offset += 1 + length;
        }
    }
}
