using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Tests.Resources;

[Trait("Category", "Unit")]
public sealed class IntOrStringTests
{
    [Theory]
    [InlineData("""{"port":80}""")]
    [InlineData("""{"port":"80"}""")]
    [InlineData("""{"port":"http"}""")]
    public void Json_KeepsTheTypeTheClientSent(string json) =>
        Assert.Equal(json, KubernetesJson.Serialize(KubernetesJson.Deserialize<TcpSocketAction>(json)));

    [Fact]
    public void Json_RejectsNonIntegerNumbers() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => KubernetesJson.Deserialize<TcpSocketAction>("""{"port":1.5}"""));

    public static TheoryData<string, int, bool, int> ScaledCases => new()
    {
        { "25%", 10, true, 3 },
        { "25%", 10, false, 2 },
        { "25%", 1, true, 1 },
        { "25%", 1, false, 0 },
        { "100%", 7, false, 7 },
        { "0%", 5, true, 0 },
        { "50%", 3, true, 2 },
        { "50%", 3, false, 1 },
    };

    [Theory]
    [MemberData(nameof(ScaledCases))]
    public void ScaledValue_RoundsUpForSurgeAndDownForUnavailable(string percent, int total, bool roundUp, int expected) =>
        Assert.Equal(expected, IntOrString.GetScaledValueFromIntOrPercent(new IntOrString(percent), total, roundUp));

    [Fact]
    public void ScaledValue_IntegersPassThrough() =>
        Assert.Equal(4, IntOrString.GetScaledValueFromIntOrPercent(4, 100, roundUp: false));

    [Theory]
    [InlineData("abc", "string is not a percentage")]
    [InlineData("x%", "invalid value \"x%\"")]
    public void ScaledValue_RejectsNonPercentages(string value, string message)
    {
        var ok = IntOrString.TryGetScaledValueFromIntOrPercent(new IntOrString(value), 10, true, out _, out var error);

        Assert.False(ok);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("25%", "25%", 4, 1, 1)]
    [InlineData("0%", "0%", 4, 0, 1)]
    [InlineData("10%", "10%", 3, 1, 0)]
    [InlineData("10%", "10%", 30, 3, 3)]
    public void ResolveFenceposts_MatchesKubernetes(string surge, string unavailable, int desired, int expectedSurge, int expectedUnavailable) =>
        Assert.Equal((expectedSurge, expectedUnavailable), IntOrString.ResolveFenceposts(new IntOrString(surge), new IntOrString(unavailable), desired));
}
