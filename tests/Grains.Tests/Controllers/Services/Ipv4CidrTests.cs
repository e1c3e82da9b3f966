using Actors.Grains.Controllers.Services;

namespace Actors.Grains.Tests.Controllers.Services;

[Trait("Category", "Unit")]
public sealed class Ipv4CidrTests
{
    [Theory]
    [InlineData("10.96.0.0/12", "10.96.0.0/12", 1048576, "10.96.0.1", "10.111.255.254")]
    [InlineData("10.96.7.9/12", "10.96.0.0/12", 1048576, "10.96.0.1", "10.111.255.254")]
    [InlineData("192.168.1.0/24", "192.168.1.0/24", 256, "192.168.1.1", "192.168.1.254")]
    [InlineData("192.168.1.4/31", "192.168.1.4/31", 2, "192.168.1.4", "192.168.1.5")]
    [InlineData("192.168.1.4/32", "192.168.1.4/32", 1, "192.168.1.4", "192.168.1.4")]
    public void Parse_ClearsHostBits_AndSparesNetworkAndBroadcast(string text, string normalized, long size, string first, string last)
    {
        var cidr = Ipv4Cidr.Parse(text);

        Assert.Equal(normalized, cidr.ToString());
        Assert.Equal(size, cidr.Size);
        Assert.Equal((first, last), (Ipv4Cidr.Format(cidr.Usable.First), Ipv4Cidr.Format(cidr.Usable.Last)));
    }

    [Theory]
    [InlineData("10.96.0.0")]
    [InlineData("10.96.0.0/33")]
    [InlineData("10.96.0/12")]
    [InlineData("fd00::/108")]
    [InlineData("10.96.0.0/x")]
    public void Parse_RejectsWhatIsNotAnIpv4Cidr(string text) =>
        Assert.Throws<FormatException>(() => Ipv4Cidr.Parse(text));

    [Theory]
    [InlineData("10.96.0.1", true)]
    [InlineData("10.111.255.255", true)]
    [InlineData("10.112.0.0", false)]
    [InlineData("10.95.255.255", false)]
    public void Contains_TellsWhetherAnAddressIsInTheRange(string address, bool contained)
    {
        Assert.True(Ipv4Cidr.TryParseAddress(address, out var value));
        Assert.Equal(contained, Ipv4Cidr.ServiceDefault.Contains(value));
    }

    [Theory]
    [InlineData("10.96.0.1", true)]
    [InlineData("1.2.3", false)]
    [InlineData("::1", false)]
    [InlineData("300.1.1.1", false)]
    [InlineData("", false)]
    public void TryParseAddress_TakesOnlyDottedIpv4(string text, bool parsed) =>
        Assert.Equal(parsed, Ipv4Cidr.TryParseAddress(text, out _));
}
