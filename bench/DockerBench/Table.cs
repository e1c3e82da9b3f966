using System.Globalization;

namespace Actors.DockerBench;

/// <summary>Prints the three columns side by side, with Actors' ratio to each of the others (below 1 is faster).</summary>
internal static class Table
{
    private const int RowWidth = 48;

    public static void Print(Results results, Scenario scenario)
    {
        string[] columns = [ActorsColumn.Label, SwarmColumn.Label, RawColumn.Label];
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine($"Docker engine benchmark{(scenario.Smoke ? " (smoke)" : "")}, {Environment.ProcessorCount} cores, load average {load}. " +
            $"Seconds from the request until seen Running, polled every {Scenario.PollInterval.TotalMilliseconds:0} ms " +
            $"(so up to one interval plus one poll late); median of {scenario.Repetitions} where marked *.");
        Console.WriteLine($"{"",-RowWidth}{columns[0],10}{columns[1],10}{columns[2],12}{"Actors/Swarm",14}{"Actors/raw",12}");
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
            var seconds = times.Select(t => t is null ? (double?)null : Results.Median(t).TotalSeconds).ToList();
            var label = times.Any(t => t is { Count: > 1 }) ? row + " *" : row;
            Console.WriteLine($"{label,-RowWidth}{Cell(seconds[0]),10}{Cell(seconds[1]),10}{Cell(seconds[2]),12}{Ratio(seconds[0], seconds[1]),14}{Ratio(seconds[0], seconds[2]),12}");
        }
    }

    private static string Cell(double? seconds) => seconds is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double? actors, double? other) =>
        actors is { } a && other is { } o && o > 0 ? (a / o).ToString("F2", CultureInfo.InvariantCulture) + "x" : "-";
}
