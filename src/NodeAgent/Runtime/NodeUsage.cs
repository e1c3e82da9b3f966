namespace Actors.NodeAgent.Runtime;

/// <summary>The machine's CPU rate (every process, not only pods) and memory in use, over a window that ended at <see cref="At"/>.</summary>
public sealed record NodeUsage(long CpuNanoCores, long MemoryWorkingSetBytes, DateTimeOffset At, TimeSpan Window)
{
    public static NodeUsage Idle(DateTimeOffset at) => new(0, 0, at, TimeSpan.Zero);
}
