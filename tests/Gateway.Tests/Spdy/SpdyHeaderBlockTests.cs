using Actors.Gateway.Spdy;

namespace Actors.Gateway.Tests.Spdy;

[Trait("Category", "Unit")]
public sealed class SpdyHeaderBlockTests
{
    [Fact]
    public void Names_are_lower_cased_and_the_first_of_several_values_is_kept()
    {
        var block = SpdyHeaderBlock.Encode([new("StreamType", "data"), new("port", "8080\09090")]);

        Assert.Equal(new Dictionary<string, string> { ["streamtype"] = "data", ["port"] = "8080" }, SpdyHeaderBlock.Decode(block));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "shorter than a count", "000000" },
        { "a pair short of its count", "00000001" },
        { "a name cut short", "000000010000000a7374" },
        { "a negative length", "00000001ffffffff" },
        { "bytes after the last pair", "0000000000" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_block_reads_as_none(string scenario, string hex) =>
        Assert.True(SpdyHeaderBlock.Decode(Convert.FromHexString(hex)) is null, scenario);
}
