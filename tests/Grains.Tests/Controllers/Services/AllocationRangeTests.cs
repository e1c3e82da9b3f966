using Actors.Grains.Controllers.Services;

namespace Actors.Grains.Tests.Controllers.Services;

[Trait("Category", "Unit")]
public sealed class AllocationRangeTests
{
    [Theory]
    [InlineData(16, 16, 128, 32, 0)]
    [InlineData(100, 16, 128, 32, 16)]
    [InlineData(2768, 16, 128, 32, 86)]
    [InlineData(100_000, 16, 128, 32, 128)]
    [InlineData(1_048_576, 16, 256, 16, 256)]
    public void StaticBand_IsKubernetesRangeOffset(long size, long min, long max, long step, long band) =>
        Assert.Equal(band, AllocationRange.StaticBand(size, min, max, step));

    public static TheoryData<string, AllocationRange, long[], long?> NextFreeCases => new()
    {
        { "dynamic band first", new AllocationRange(1, 100, 16), [], 17 },
        { "lowest free above the band", new AllocationRange(1, 100, 16), [17, 18, 20], 19 },
        { "static band once the rest is full", new AllocationRange(1, 20, 16), [17, 18, 19, 20], 1 },
        { "lowest free in the static band", new AllocationRange(1, 20, 16), [1, 2, 17, 18, 19, 20], 3 },
        { "full", new AllocationRange(1, 3, 0), [1, 2, 3], null },
        { "no band", new AllocationRange(5, 7, 0), [5], 6 },
    };

    [Theory]
    [MemberData(nameof(NextFreeCases))]
    public void NextFree_PrefersTheDynamicBand(string scenario, AllocationRange range, long[] taken, long? next)
    {
        var takenSet = taken.ToHashSet();
        Assert.True(next == range.NextFree(takenSet.Contains), scenario);
    }

    [Fact]
    public void Defaults_AreKubernetesRanges()
    {
        var clusterIPs = AllocationRange.ForClusterIPs(Ipv4Cidr.ServiceDefault);

        Assert.Equal("10.96.1.1", Ipv4Cidr.Format(clusterIPs.NextFree(_ => false)!.Value));
        Assert.Equal(30086, AllocationRange.NodePortDefault.NextFree(_ => false));
        Assert.Equal((30000, 32767), (AllocationRange.NodePortDefault.First, AllocationRange.NodePortDefault.Last));
    }
}
