using System.Buffers.Binary;
using System.Text;

namespace Actors.Gateway.Spdy;

/// <summary>
/// A SPDY/3 name/value header block before compression: a 4-byte count, then each name and value with a 4-byte
/// length. Names are lower case; a value may hold several, separated by NUL (the first is kept here).
/// </summary>
internal static class SpdyHeaderBlock
{
    public static byte[] Encode(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        using var block = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, headers.Count);
        block.Write(length);
        foreach (var (name, value) in headers)
        {
            foreach (var text in new[] { name.ToLowerInvariant(), value })
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
                block.Write(length);
                block.Write(bytes);
            }
        }
        return block.ToArray();
    }

    /// <summary>The headers of a whole block; null when the block is cut short or malformed.</summary>
    public static Dictionary<string, string>? Decode(ReadOnlySpan<byte> block)
    {
        if (block.Length < 4)
        {
            return null;
        }
        var count = BinaryPrimitives.ReadInt32BigEndian(block);
        var position = 4;
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (ReadString(block, ref position) is not { } name || ReadString(block, ref position) is not { } value)
            {
                return null;
            }
            headers[name.ToLowerInvariant()] = value.Split('\0')[0];
        }
        return position == block.Length ? headers : null;
    }

    private static string? ReadString(ReadOnlySpan<byte> block, ref int position)
    {
        if (position + 4 > block.Length)
        {
            return null;
        }
        var length = BinaryPrimitives.ReadInt32BigEndian(block[position..]);
        position += 4;
        if (length < 0 || position + length > block.Length)
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(block.Slice(position, length));
        position += length;
        return text;
    }
}
