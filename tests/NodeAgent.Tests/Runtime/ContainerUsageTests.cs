using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Tests.Runtime;

[Trait("Category", "Unit")]
public sealed class ContainerUsageTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 7, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, ulong, ulong, double, ulong, ulong, long, long> Cases => new()
    {
        { "half a core for a second", 1_000_000_000, 1_500_000_000, 1.0, 4096, 0, 500_000_000, 4096 },
        { "a core for two seconds", 0, 2_000_000_000, 2.0, 0, 0, 1_000_000_000, 0 },
        { "the inactive page cache is not in the working set", 0, 0, 1.0, 10_000, 4_000, 0, 6_000 },
        { "more inactive cache than usage reads as none", 0, 0, 1.0, 4_000, 10_000, 0, 0 },
        { "no window (a stopped container's empty pre-read)", 0, 5_000, 0.0, 100, 0, 0, 100 },
        { "a counter that went back (a restart) gives no rate", 5_000, 1_000, 1.0, 100, 0, 0, 100 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cpu_is_a_rate_over_the_window_and_memory_the_working_set(
        string scenario, ulong cpuBefore, ulong cpuAfter, double windowSeconds, ulong memory, ulong inactive, long expectedCpu, long expectedMemory)
    {
        var usage = ContainerUsage.FromSamples(cpuBefore, cpuAfter, Start, Start.AddSeconds(windowSeconds), memory, inactive);

        Assert.True(expectedCpu == usage.CpuNanoCores, $"{scenario}: cpu {usage.CpuNanoCores}");
        Assert.True(expectedMemory == usage.MemoryWorkingSetBytes, $"{scenario}: memory {usage.MemoryWorkingSetBytes}");
        Assert.Equal(Start.AddSeconds(windowSeconds), usage.At);
        Assert.Equal(TimeSpan.FromSeconds(windowSeconds), usage.Window);
    }
}
