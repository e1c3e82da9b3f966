using System.Globalization;

namespace Actors.ApiBench;

/// <summary>Prints one row per phase with its target beside it.</summary>
internal static class Table
{
    public static void Print(IEnumerable<PhaseResult> rows, bool smoke, TimeSpan phase)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"Kubernetes API benchmark{(smoke ? " (smoke)" : "")}, {phase.TotalSeconds:0} s per phase, {Environment.ProcessorCount} cores, load average {load}. " +
            "Open loop: latency from the scheduled send time, in ms.");
        Console.WriteLine($"{"phase",-44}{"rate/s",9}{"achieved",10}{"sent",8}{"failed",8}{"p50",9}{"p99",9}{"target p99",12}  ");
        foreach (var row in rows)
        {
            var target = row.TargetP99 is { } t ? $"< {t:0}" + (row.Latency.P99 < t && row.Failed == 0 ? " ok" : " MISS") : "";
            Console.WriteLine($"{row.Name,-44}{Number(row.TargetRate, "0"),9}{Number(row.AchievedRate, "0.0"),10}{row.Sent,8}{row.Failed,8}" +
                $"{Number(row.Latency.P50, "0.0"),9}{Number(row.Latency.P99, "0.0"),9}{target,12}");
            if (row.FirstError is { } error)
            {
                Console.WriteLine($"    first error: {(error.Length > 200 ? error[..200] : error)}");
            }
        }
    }

    private static string Number(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
