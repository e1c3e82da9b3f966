using Actors.Grains.Controllers.ReplicaSets;

namespace Actors.Grains.Tests.Controllers;

[Trait("Category", "Unit")]
public sealed class SlowStartTests
{
    public static TheoryData<int, int[]> Cases => new()
    {
        { 0, [] },
        { 1, [1] },
        { 2, [1, 1] },
        { 3, [1, 2] },
        { 7, [1, 2, 4] },
        { 10, [1, 2, 4, 3] },
        { 100, [1, 2, 4, 8, 16, 32, 37] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Batches_double_until_the_total_is_reached(int total, int[] expected)
    {
        Assert.Equal(expected, SlowStart.Batches(total));
    }
}
