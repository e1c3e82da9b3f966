namespace Actors.NodeAgent.Runtime;

/// <summary>A container's CPU rate and memory working set over a window that ended at <see cref="At"/>.</summary>
public sealed record ContainerUsage(long CpuNanoCores, long MemoryWorkingSetBytes, DateTimeOffset At, TimeSpan Window)
{
    /// <summary>
    /// From two cumulative CPU readings and a memory reading, as the kubelet computes them: CPU nanoseconds per
    /// second of window, and memory in use less the inactive page cache the kernel reclaims first (never below 0).
    /// A window of no length gives no CPU rate.
    /// </summary>
    public static ContainerUsage FromSamples(ulong cpuNanosBefore, ulong cpuNanosAfter, DateTimeOffset before, DateTimeOffset after, ulong memoryUsage, ulong inactiveFile)
    {
        var window = after - before;
        var workingSet = memoryUsage > inactiveFile ? (long)(memoryUsage - inactiveFile) : 0;
        return new ContainerUsage(CpuRate(cpuNanosBefore, cpuNanosAfter, window), workingSet, after, window > TimeSpan.Zero ? window : TimeSpan.Zero);
    }

    /// <summary>CPU nanoseconds used per second of <paramref name="window"/>: nanocores. 0 without a window or when the counter went back.</summary>
    public static long CpuRate(ulong cpuNanosBefore, ulong cpuNanosAfter, TimeSpan window) =>
        window > TimeSpan.Zero && cpuNanosAfter >= cpuNanosBefore ? (long)((cpuNanosAfter - cpuNanosBefore) / window.TotalSeconds) : 0;
}
