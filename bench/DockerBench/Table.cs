using System.Globalization;

namespace Actors.DockerBench;

/// <summary>Prints the columns side by side, with each Actors column's ratio to Swarm and to raw (below 1 is faster).</summary>
internal static class Table
{
    private const int RowWidth = 48;

    public static void Print(Results results, Scenario scenario, IReadOnlyList<string> actorsColumns)
    {
        string[] columns = [.. actorsColumns, SwarmColumn.Label, RawColumn.Label];
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"Docker engine benchmark{(scenario.Smoke ? " (smoke)" : "")}, {Environment.ProcessorCount} cores, load average {load}. " +
            $"Seconds from the request until seen Running, polled every {Scenario.PollInterval.TotalMilliseconds:0} ms " +
            $"(so up to one interval plus one poll late); median of {scenario.Repetitions} where marked *. Actors columns: its node's warm sandbox pool.");
        var ratios = actorsColumns.SelectMany(a => new[] { $"{a}/Swarm", $"{a}/raw" }).ToList();
        Console.WriteLine($"{"",-RowWidth}{string.Concat(columns.Select(c => $"{c,12}"))}{string.Concat(ratios.Select(r => $"{r,16}"))}");
        foreach (var row in Rows.InOrder(scenario.Replicas))
        {
            if (results.NoteFor(row) is { } note)
            {
                Console.WriteLine($"{row,-RowWidth}{note}");
                continue;
            }
            var times = columns.Select(c => results.Times(c, row)).ToList();
            if (times.All(t => t is null))
            {
                continue;
            }
            var seconds = columns.Zip(times).ToDictionary(p => p.First, p => p.Second is null ? (double?)null : Results.Median(p.Second).TotalSeconds);
            var label = times.Any(t => t is { Count: > 1 }) ? row + " *" : row;
            var cells = string.Concat(columns.Select(c => $"{Cell(seconds[c]),12}"));
            var ratioCells = string.Concat(actorsColumns.SelectMany(a => new[] { Ratio(seconds[a], seconds[SwarmColumn.Label]), Ratio(seconds[a], seconds[RawColumn.Label]) }).Select(r => $"{r,16}"));
            Console.WriteLine($"{label,-RowWidth}{cells}{ratioCells}");
        }
    }

    private static string Cell(double? seconds) => seconds is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double? actors, double? other) =>
        actors is { } a && other is { } o && o > 0 ? (a / o).ToString("F2", CultureInfo.InvariantCulture) + "x" : "-";
}
