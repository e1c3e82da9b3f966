using Actors.Gateway.Dashboard;
using Actors.Runtime;
using Actors.Runtime.Management;

namespace Actors.Gateway.Tests.Dashboard;

[Trait("Category", "Unit")]
public sealed class DashboardRatesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counters_sum_methods_per_type_and_join_activations()
    {
        var counters = DashboardRates.Counters(
            [new GrainTypeInfo("a", 3, 7), new GrainTypeInfo("idle", 1, 0)],
            [new MethodStatisticsInfo("a", "Get", 10, 1, 2.0, 5.0), new MethodStatisticsInfo("a", "Put", 5, 0, 4.0, 9.0), new MethodStatisticsInfo("gone", "X", 2, 2, 1.0, 1.0)]);

        Assert.Equal(
            [
                new GrainCounters("a", 3, 15, 1, 40.0, 9.0, 7),
                new GrainCounters("gone", 0, 2, 2, 2.0, 1.0, 0),
                new GrainCounters("idle", 1, 0, 0, 0, 0, 0),
            ],
            counters);
    }

    public static TheoryData<GrainCounters?, GrainCounters, double, double, double, double, double> RateCases => new()
    {
        // previous, current, seconds -> calls/s, exceptions/s, avg ms, timer ticks/s
        { new("a", 1, 10, 0, 100, 5, 0), new("a", 1, 30, 2, 300, 6, 4), 2.0, 10, 1, 10, 2 },
        { null, new("a", 2, 8, 0, 80, 5, 0), 1.0, 8, 0, 10, 0 },
        { new("a", 1, 30, 0, 300, 5, 0), new("a", 1, 30, 0, 300, 5, 0), 1.0, 0, 0, 0, 0 },
        // A counter that went down was reset: the new value is the delta.
        { new("a", 1, 100, 5, 1000, 5, 9), new("a", 1, 4, 1, 20, 5, 2), 1.0, 4, 1, 5, 2 },
        { new("a", 1, 10, 0, 100, 5, 0), new("a", 1, 20, 0, 200, 5, 0), 0.0, 0, 0, 10, 0 },
    };

    [Theory]
    [MemberData(nameof(RateCases))]
    public void Rates_are_deltas_over_the_interval(GrainCounters? previous, GrainCounters current, double seconds, double calls, double errors, double averageMs, double ticks)
    {
        var rates = DashboardRates.Rates(previous is null ? [] : [previous], [current], TimeSpan.FromSeconds(seconds), "silo-1").Single();

        Assert.Equal(calls, rates.CallsPerSecond, 6);
        Assert.Equal(errors, rates.ExceptionsPerSecond, 6);
        Assert.Equal(averageMs, rates.AverageMs, 6);
        Assert.Equal(ticks, rates.TimerTicksPerSecond, 6);
        Assert.Equal("silo-1", rates.Silo);
        Assert.Equal(current.P99Ms, rates.P99Ms);
        Assert.Equal(current.Calls, rates.Calls);
    }

    [Fact]
    public void Top_methods_rank_by_calls_latency_and_errors()
    {
        MethodStatisticsInfo[] previous = [new("a", "Get", 90, 0, 1, 2)];
        MethodStatisticsInfo[] current = [new("a", "Get", 100, 0, 1, 2), new("a", "Slow", 3, 0, 50, 80), new("b", "Bad", 10, 4, 2, 3), new("b", "Never", 0, 0, 0, 0)];

        var top = DashboardRates.Top(previous, current, TimeSpan.FromSeconds(2), 2);

        Assert.Equal(["a.Get", "b.Bad"], top.ByCalls.Select(m => $"{m.GrainType}.{m.Method}"));
        Assert.Equal(5, top.ByCalls[0].CallsPerSecond);
        Assert.Equal(["a.Slow", "b.Bad"], top.ByLatency.Select(m => $"{m.GrainType}.{m.Method}"));
        Assert.Equal(["b.Bad"], top.ByErrors.Select(m => $"{m.GrainType}.{m.Method}"));
    }

    [Fact]
    public void Membership_changes_report_new_changed_and_removed_silos()
    {
        SiloInfo Silo(string address, SiloStatus status) => new(address, "n-" + address, "control-plane", status, T0, T0, 0, 0);

        var first = DashboardRates.MembershipChanges([], [Silo("a", SiloStatus.Joining)], T0);
        var second = DashboardRates.MembershipChanges([Silo("a", SiloStatus.Joining), Silo("c", SiloStatus.Active)], [Silo("a", SiloStatus.Active), Silo("b", SiloStatus.Joining)], T0.AddSeconds(1));
        var quiet = DashboardRates.MembershipChanges([Silo("a", SiloStatus.Active)], [Silo("a", SiloStatus.Active)], T0);

        Assert.Equal([new MembershipChange(T0, "a", "n-a", null, "Joining")], first);
        Assert.Equal(
            [
                new MembershipChange(T0.AddSeconds(1), "a", "n-a", "Joining", "Active"),
                new MembershipChange(T0.AddSeconds(1), "b", "n-b", null, "Joining"),
                new MembershipChange(T0.AddSeconds(1), "c", "n-c", "Active", "Removed"),
            ],
            second);
        Assert.Empty(quiet);
    }

    [Fact]
    public void Sample_totals_weight_latency_by_calls()
    {
        var sample = new DashboardSample(T0, [
            new GrainTypeRates("a", "s", 2, 9, 1, 1.0, 0, 0, 0, 0, 0),
            new GrainTypeRates("b", "s", 3, 1, 0, 11.0, 0, 0, 0, 0, 0),
        ]);

        Assert.Equal(5, sample.Activations);
        Assert.Equal(10, sample.CallsPerSecond);
        Assert.Equal(1, sample.ExceptionsPerSecond);
        Assert.Equal(2.0, sample.AverageMs, 6);
    }
}
