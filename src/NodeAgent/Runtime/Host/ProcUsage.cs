using System.Globalization;

namespace Actors.NodeAgent.Runtime.Host;

/// <summary>
/// The machine's use read from <c>/proc</c>, as pure parsers of the files' text and a sampler that reads them a
/// window apart: busy CPU time (all but idle and iowait) per second of window, and memory total less available.
/// </summary>
public static class ProcUsage
{
    /// <summary>The kernel's clock ticks per second in <c>/proc/stat</c> (USER_HZ, 100 on every Linux ABI in use).</summary>
    private const long TicksPerSecond = 100;

    /// <summary>Busy CPU time in nanoseconds from the <c>cpu</c> line of <c>/proc/stat</c>; null when it is not there.</summary>
    public static ulong? BusyCpuNanos(string procStat)
    {
        var line = procStat.Split('\n').FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        if (fields is null || fields.Length < 5)
        {
            return null;
        }
        ulong busy = 0;
        for (var i = 0; i < fields.Length && i < 8; i++)
        {
            // user nice system idle iowait irq softirq steal: idle (3) and iowait (4) are not use.
            if (i is 3 or 4)
            {
                continue;
            }
            if (!ulong.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return null;
            }
            busy += ticks;
        }
        return busy * (1_000_000_000 / TicksPerSecond);
    }

    /// <summary>MemTotal less MemAvailable of <c>/proc/meminfo</c>, in bytes; null when either is missing.</summary>
    public static long? MemoryInUse(string procMeminfo)
    {
        long? Field(string name) => procMeminfo.Split('\n')
            .Where(l => l.StartsWith(name + ":", StringComparison.Ordinal))
            .Select(l => long.TryParse(l[(name.Length + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : (long?)null)
            .FirstOrDefault();
        return Field("MemTotal") is { } total && Field("MemAvailable") is { } available ? Math.Max(0, total - available) : null;
    }

    /// <summary>Reads the files a window apart; a machine without them reads as idle.</summary>
    public static async Task<NodeUsage> SampleAsync(TimeProvider time, TimeSpan window, CancellationToken cancellationToken)
    {
        var before = BusyCpuNanos(await ReadAsync("/proc/stat", cancellationToken));
        var start = time.GetUtcNow();
        await Task.Delay(window, time, cancellationToken);
        var after = BusyCpuNanos(await ReadAsync("/proc/stat", cancellationToken));
        var end = time.GetUtcNow();
        var memory = MemoryInUse(await ReadAsync("/proc/meminfo", cancellationToken)) ?? 0;
        if (before is not { } b || after is not { } a)
        {
            return new NodeUsage(0, memory, end, TimeSpan.Zero);
        }
        return new NodeUsage(ContainerUsage.CpuRate(b, a, end - start), memory, end, end - start);
    }

    private static async Task<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
