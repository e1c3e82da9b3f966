using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Tests.Resources;

[Trait("Category", "Unit")]
public sealed class QuantityTests
{
    [Theory]
    [InlineData("100m", "100m", 100)]
    [InlineData("0.5", "500m", 500)]
    [InlineData("2", "2", 2000)]
    [InlineData("1000m", "1", 1000)]
    [InlineData("1500", "1500", 1500000)]
    [InlineData("1000", "1k", 1000000)]
    [InlineData("1e3", "1e3", 1000000)]
    [InlineData("1.5e3", "1500", 1500000)]
    [InlineData("12e6", "12e6", 12000000000)]
    [InlineData("128Mi", "128Mi", 134217728000)]
    [InlineData("1Gi", "1Gi", 1073741824000)]
    [InlineData("1024Mi", "1Gi", 1073741824000)]
    [InlineData("1.5Gi", "1536Mi", 1610612736000)]
    [InlineData("0.5Ki", "512", 512000)]
    [InlineData("0", "0", 0)]
    [InlineData("-100m", "-100m", -100)]
    [InlineData(".5", "500m", 500)]
    [InlineData("1.", "1", 1000)]
    [InlineData("0.1n", "1n", 1)]
    [InlineData("5G", "5G", 5000000000000)]
    [InlineData(" 250m ", "250m", 250)]
    public void Parse_PrintsCanonicalFormAndMilliValue(string input, string canonical, long milli)
    {
        var quantity = Quantity.Parse(input);

        Assert.Equal(canonical, quantity.ToString());
        Assert.Equal(milli, quantity.MilliValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("10Xi")]
    [InlineData("1e")]
    [InlineData("m")]
    [InlineData("1 Gi")]
    public void Parse_RejectsBadText_WithKubernetesMessage(string input)
    {
        var ok = Quantity.TryParse(input, out _, out var error);

        Assert.False(ok);
        Assert.Contains("quantities must match the regular expression", error);
        Assert.Throws<FormatException>(() => Quantity.Parse(input));
    }

    [Theory]
    [InlineData("1Gi", 1073741824L)]
    [InlineData("128Mi", 134217728L)]
    [InlineData("1k", 1000L)]
    [InlineData("100m", 1L)]
    public void IntegerValue_RoundsUp(string input, long bytes) =>
        Assert.Equal(bytes, Quantity.Parse(input).IntegerValue);

    [Theory]
    [InlineData("1", "1000m", 0)]
    [InlineData("500m", "1", -1)]
    [InlineData("1Gi", "1G", 1)]
    [InlineData("1Ki", "1024", 0)]
    public void Compare_UsesValue(string left, string right, int expected) =>
        Assert.Equal(expected, Math.Sign(Quantity.Parse(left).CompareTo(Quantity.Parse(right))));

    [Theory]
    [InlineData("100m", "200m", "300m")]
    [InlineData("1Gi", "512Mi", "1536Mi")]
    [InlineData("0", "1Gi", "1Gi")]
    [InlineData("1", "500m", "1500m")]
    public void Add_KeepsFormat(string left, string right, string expected) =>
        Assert.Equal(expected, (Quantity.Parse(left) + Quantity.Parse(right)).ToString());

    [Fact]
    public void Json_ReadsStringsAndNumbers_WritesCanonicalStrings()
    {
        var resources = KubernetesJson.Deserialize<ResourceRequirements>("""{"limits":{"cpu":1,"memory":"1024Mi"},"requests":{"cpu":0.5}}""");

        Assert.Equal("""{"limits":{"cpu":"1","memory":"1Gi"},"requests":{"cpu":"500m"}}""", KubernetesJson.Serialize(resources));
    }

    [Fact]
    public void Json_BadQuantity_IsAJsonException() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => KubernetesJson.Deserialize<ResourceRequirements>("""{"limits":{"cpu":"lots"}}"""));
}
