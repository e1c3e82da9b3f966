using System.Security.Cryptography;
using Actors.Gateway.Spdy;

namespace Actors.Gateway.Tests.Spdy;

[Trait("Category", "Unit")]
public sealed class SpdyHeaderCompressionTests
{
    /// <summary>Two SYN_STREAM header blocks of one session as zlib compresses them against the SPDY dictionary (Python's zlib, Z_SYNC_FLUSH after each).</summary>
    private static readonly byte[] FirstBlock = Convert.FromHexString("78bbe3c6a7c202253a703a2b294a4dcc851625aca9a0808614cb45e01c6061606100a4398b20d198094ade8c0600000000ffff");
    private static readonly byte[] SecondBlock = Convert.FromHexString("c2aa19540e2512d60b000000ffff");

    [Fact]
    public void The_dictionary_is_the_1423_bytes_every_SPDY_peer_uses()
    {
        Assert.Equal(1423, SpdyDictionary.Bytes.Length);
        Assert.Equal("51d27341373f923f3cd88e1eb7162aeaa3723d7585ff2399201dc06498407f02", Convert.ToHexStringLower(SHA256.HashData(SpdyDictionary.Bytes)));
    }

    [Fact]
    public void Header_blocks_compressed_by_zlib_with_the_dictionary_are_read_in_order()
    {
        using var compression = new SpdyHeaderCompression();

        var first = compression.Inflate(FirstBlock);
        var second = compression.Inflate(SecondBlock);

        Assert.Equal(new Dictionary<string, string> { ["streamtype"] = "error", ["port"] = "8080", ["requestid"] = "0" }, first);
        Assert.Equal(new Dictionary<string, string> { ["streamtype"] = "data", ["port"] = "8080", ["requestid"] = "0" }, second);
    }

    [Fact]
    public void A_stream_that_names_another_dictionary_is_refused()
    {
        using var compression = new SpdyHeaderCompression();
        var other = (byte[])FirstBlock.Clone();
        other[5] ^= 0xff;

        Assert.Null(compression.Inflate(other));
    }

    [Fact]
    public void What_it_writes_reads_back_across_blocks()
    {
        using var writer = new SpdyHeaderCompression();
        using var reader = new SpdyHeaderCompression();

        var first = writer.Deflate([new("streamtype", "stdout")]);
        var second = writer.Deflate([]);

        Assert.Equal(0x78, first[0]);
        Assert.Equal(new Dictionary<string, string> { ["streamtype"] = "stdout" }, reader.Inflate(first));
        Assert.Equal(new Dictionary<string, string>(), reader.Inflate(second));
    }
}
