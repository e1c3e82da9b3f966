using System.Diagnostics;

namespace Actors.Runtime.Management;

/// <summary>CPU use of this process since the previous sample, as a percentage of all cores, and its memory.</summary>
internal sealed class ProcessUsage(TimeProvider time)
{
    private readonly object _lock = new();
    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long _lastTimestamp = time.GetTimestamp();
    private double _lastPercent;

    public (double CpuPercent, long MemoryBytes) Sample()
    {
        using var process = Process.GetCurrentProcess();
        lock (_lock)
        {
            var cpu = process.TotalProcessorTime;
            var elapsed = time.GetElapsedTime(_lastTimestamp);
            // Samples closer than half a second apart would be noise; the previous figure stands.
            if (elapsed >= TimeSpan.FromMilliseconds(500))
            {
                _lastPercent = (cpu - _lastCpu).TotalMilliseconds / elapsed.TotalMilliseconds / Environment.ProcessorCount * 100;
                _lastCpu = cpu;
                _lastTimestamp = time.GetTimestamp();
            }
            return (Math.Round(_lastPercent, 1), process.WorkingSet64);
        }
    }
}
