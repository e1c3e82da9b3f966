using System.Text;

namespace Actors.Gateway.Spdy;

/// <summary>
/// The preset zlib dictionary of SPDY/3 header blocks (draft 3, section 2.6.10.1): header names and values each
/// with a 4-byte big-endian length, then a run of common text without lengths. Both ends must use exactly these
/// 1423 bytes; the compressed stream names them by their Adler-32.
/// </summary>
internal static class SpdyDictionary
{
    private static readonly string[] Words =
    [
        "options", "head", "post", "put", "delete", "trace", "accept", "accept-charset", "accept-encoding",
        "accept-language", "accept-ranges", "age", "allow", "authorization", "cache-control", "connection",
        "content-base", "content-encoding", "content-language", "content-length", "content-location", "content-md5",
        "content-range", "content-type", "date", "etag", "expect", "expires", "from", "host", "if-match",
        "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "last-modified", "location",
        "max-forwards", "pragma", "proxy-authenticate", "proxy-authorization", "range", "referer", "retry-after",
        "server", "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "vary", "via", "warning",
        "www-authenticate", "method", "get", "status", "200 OK", "version", "HTTP/1.1", "url", "public", "set-cookie",
        "keep-alive", "origin",
    ];

    private const string Tail =
        "100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505"
        + "203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Unauthorized"
        + "403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented503 Service Unavailable"
        + "Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMT"
        + "chunked,text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain,"
        + "text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.";

    public static byte[] Bytes { get; } = Build();

    /// <summary>Its Adler-32, as a zlib stream with a preset dictionary names it.</summary>
    public static uint Id { get; } = Adler32(Bytes);

    public static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Modulus = 65521;
        uint a = 1, b = 0;
        foreach (var value in data)
        {
            a = (a + value) % Modulus;
            b = (b + a) % Modulus;
        }
        return (b << 16) | a;
    }

    private static byte[] Build()
    {
        using var bytes = new MemoryStream();
        foreach (var word in Words)
        {
            var text = Encoding.ASCII.GetBytes(word);
            bytes.Write([0, 0, 0, (byte)text.Length]);
            bytes.Write(text);
        }
        bytes.Write(Encoding.ASCII.GetBytes(Tail));
        return bytes.ToArray();
    }
}
