using Actors.Gateway.Dashboard;
using Actors.Runtime.Management;

namespace Actors.Gateway.Tests.Dashboard;

[Trait("Category", "Unit")]
public sealed class ClusterRatesTests
{
    [Fact]
    public void Rates_are_computed_per_grain_type_and_silo()
    {
        var previous = new Dictionary<string, IReadOnlyList<GrainCounters>>
        {
            ["s1"] = [new GrainCounters("a", 1, 10, 0, 100, 5, 0)],
            ["s2"] = [new GrainCounters("a", 1, 100, 4, 1000, 7, 0)],
        };
        var current = new Dictionary<string, IReadOnlyList<GrainCounters>>
        {
            ["s2"] = [new GrainCounters("a", 2, 120, 4, 1200, 7, 0)],
            ["s1"] = [new GrainCounters("a", 3, 30, 2, 300, 5, 0), new GrainCounters("b", 1, 0, 0, 0, 0, 0)],
            // Joined since the last sample: zero rates, not its totals since start.
            ["s3"] = [new GrainCounters("a", 1, 500, 0, 500, 1, 0)],
        };

        var rates = DashboardRates.ClusterRates(previous, current, TimeSpan.FromSeconds(2));

        Assert.Equal([("a", "s1"), ("a", "s2"), ("a", "s3"), ("b", "s1")], rates.Select(r => (r.GrainType, r.Silo)));
        Assert.Equal([10.0, 10.0, 0.0, 0.0], rates.Select(r => r.CallsPerSecond));
        Assert.Equal([1.0, 0.0, 0.0, 0.0], rates.Select(r => r.ExceptionsPerSecond));
        Assert.Equal([3, 2, 1, 1], rates.Select(r => r.Activations));
        Assert.Equal(500, rates[2].Calls);
    }

    [Fact]
    public void Methods_of_several_silos_merge_into_one_row_each()
    {
        var merged = DashboardRates.MergeMethods(
        [
            new MethodStatisticsInfo("a", "M", 10, 1, 2.0, 5.0),
            new MethodStatisticsInfo("a", "M", 30, 0, 6.0, 9.0),
            new MethodStatisticsInfo("a", "N", 0, 0, 0, 0),
        ]);

        Assert.Equal(2, merged.Count);
        Assert.Equal(new MethodStatisticsInfo("a", "M", 40, 1, 5.0, 9.0), merged[0]);
        Assert.Equal(new MethodStatisticsInfo("a", "N", 0, 0, 0, 0), merged[1]);
    }

    [Fact]
    public void Combine_sums_a_type_over_silos()
    {
        var one = new GrainTypeRates("a", "s1", 2, 9, 1, 1.0, 4, 1, 90, 3, 10);
        var two = new GrainTypeRates("a", "s2", 3, 1, 0, 11.0, 8, 0, 10, 0, 5);

        Assert.Null(DashboardRates.Combine([]));
        Assert.Same(one, DashboardRates.Combine([one]));
        Assert.Equal(new GrainTypeRates("a", DashboardRates.ClusterSilo, 5, 10, 1, 2.0, 8, 1, 100, 3, 15), DashboardRates.Combine([one, two]));
    }
}
