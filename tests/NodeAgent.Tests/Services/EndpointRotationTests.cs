using Actors.NodeAgent.Services;

namespace Actors.NodeAgent.Tests.Services;

[Trait("Category", "Unit")]
public sealed class EndpointRotationTests
{
    [Theory]
    [InlineData(0, 3, new[] { 0, 1, 2 })]
    [InlineData(1, 3, new[] { 1, 2, 0 })]
    [InlineData(2, 3, new[] { 2, 0, 1 })]
    [InlineData(3, 3, new[] { 0, 1, 2 })]
    [InlineData(7, 2, new[] { 1, 0 })]
    [InlineData(5, 1, new[] { 0 })]
    [InlineData(4, 0, new int[0])]
    [InlineData(long.MaxValue, 3, new[] { 1, 2, 0 })]
    public void Each_turn_starts_one_further_and_falls_back_to_the_others(long turn, int count, int[] expected) =>
        Assert.Equal(expected, EndpointRotation.Order(turn, count));

    [Fact]
    public void Consecutive_turns_spread_evenly()
    {
        var firsts = Enumerable.Range(0, 9).Select(turn => EndpointRotation.Order(turn, 3).First());

        Assert.All(firsts.GroupBy(i => i), group => Assert.Equal(3, group.Count()));
    }
}
