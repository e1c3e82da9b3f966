using Actors.NodeAgent.Runtime.Host;

namespace Actors.NodeAgent.Tests.Runtime.Host;

[Trait("Category", "Unit")]
public sealed class ProcUsageTests
{
    public static TheoryData<string, string, ulong?> Stats => new()
    {
        // user nice system idle iowait irq softirq steal: busy is all but idle and iowait, at 10 ms a tick.
        { "a machine's cpu line", "cpu  100 5 50 9000 40 3 2 1 0 0\ncpu0 50 2 25 4500 20 1 1 0 0 0\n", (100UL + 5 + 50 + 3 + 2 + 1) * 10_000_000 },
        { "an old kernel without steal", "cpu  10 0 10 500 0 0 0\n", 20UL * 10_000_000 },
        { "no cpu line", "intr 12345\n", null },
        { "too few fields", "cpu  1 2 3\n", null },
        { "not a number", "cpu  1 x 3 4 5 6 7 8\n", null },
        { "empty", "", null },
    };

    [Theory]
    [MemberData(nameof(Stats))]
    public void Busy_cpu_time_is_read_from_proc_stat(string scenario, string procStat, ulong? expected) =>
        Assert.True(expected == ProcUsage.BusyCpuNanos(procStat), $"{scenario}: {ProcUsage.BusyCpuNanos(procStat)}");

    public static TheoryData<string, string, long?> Meminfo => new()
    {
        { "total less available", "MemTotal:       24576000 kB\nMemFree:         1000000 kB\nMemAvailable:   20480000 kB\n", (24576000L - 20480000) * 1024 },
        { "no MemAvailable (before Linux 3.14)", "MemTotal:       1000 kB\nMemFree:         500 kB\n", null },
        { "more available than total reads as none in use", "MemTotal: 10 kB\nMemAvailable: 20 kB\n", 0 },
        { "empty", "", null },
    };

    [Theory]
    [MemberData(nameof(Meminfo))]
    public void Memory_in_use_is_read_from_proc_meminfo(string scenario, string procMeminfo, long? expected) =>
        Assert.True(expected == ProcUsage.MemoryInUse(procMeminfo), $"{scenario}: {ProcUsage.MemoryInUse(procMeminfo)}");
}
