using System.Net;
using Actors.Runtime.Membership;
using Actors.Runtime.Sql;

namespace Actors.Runtime.Tests.Sql;

[Trait("Category", "Unit")]
public sealed class SuspectTimesFormatTests
{
    private static readonly SuspectVote V4 =
        new(new SiloAddress(new IPEndPoint(IPAddress.Parse("10.0.0.7"), 11111), 42), new DateTimeOffset(2026, 3, 1, 10, 0, 0, 5, TimeSpan.Zero));

    private static readonly SuspectVote V6 =
        new(new SiloAddress(new IPEndPoint(IPAddress.IPv6Loopback, 22222), 7), new DateTimeOffset(2026, 3, 1, 11, 30, 0, TimeSpan.Zero));

    public static TheoryData<string?, SuspectVote[]> Cases => new()
    {
        { null, [] },
        { "10.0.0.7:11111@42,2026-03-01 10:00:00.005 GMT", [V4] },
        { "10.0.0.7:11111@42,2026-03-01 10:00:00.005 GMT|[::1]:22222@7,2026-03-01 11:30:00.000 GMT", [V4, V6] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FormatAndParse_AreInverse(string? text, SuspectVote[] votes)
    {
        Assert.Equal(text, SuspectTimesFormat.Format(votes));
        Assert.Equal(votes, SuspectTimesFormat.Parse(text));
    }

    [Fact]
    public void Parse_EmptyString_IsNoVotes()
    {
        Assert.Empty(SuspectTimesFormat.Parse(""));
    }

    [Theory]
    [InlineData("10.0.0.7:11111@42")]
    [InlineData("10.0.0.7:11111@42,yesterday")]
    [InlineData("not-a-silo,2026-03-01 10:00:00.005 GMT")]
    public void Parse_Malformed_ThrowsFormatExceptionQuotingTheEntry(string text)
    {
        var error = Assert.Throws<FormatException>(() => SuspectTimesFormat.Parse(text));

        Assert.Contains(text.Split(',')[0], error.Message);
    }
}
