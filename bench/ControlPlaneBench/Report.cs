using System.Globalization;
using Actors.ApiBench;

namespace Actors.ControlPlaneBench;

/// <summary>What one run measured; times are from the first Deployment create call.</summary>
internal sealed record BenchResult(
    BenchArguments Arguments,
    string Cluster,
    TimeSpan NodesRegistered,
    TimeSpan DeploymentsCreated,
    Percentiles CreateCallMs,
    IReadOnlyList<Stage> Stages,
    long Revisions,
    IReadOnlyList<(int Activations, int HollowAgents)> Placement,
    long HeapBytes,
    long WorkingSetBytes,
    string LoadBefore,
    string LoadAfter);

/// <summary>Prints a run as two compact tables, the stages and the figures beside the issue's targets; stable, so README can quote it.</summary>
internal static class Report
{
    public static void Print(BenchResult result)
    {
        var a = result.Arguments;
        var created = result.Stages[0];
        var bound = result.Stages[1];
        var running = result.Stages[2];
        var allRunning = running.Pods >= a.Pods ? running.Last : null;
        Console.WriteLine($"control plane, {result.Cluster} (fsync on), hollow nodes: {a.Nodes:N0} nodes, {a.Deployments:N0} Deployments x {a.Replicas:N0} replicas = {a.Pods:N0} pods; " +
            $"{Environment.ProcessorCount} cores, load average {result.LoadBefore} before, {result.LoadAfter} after");
        Console.WriteLine($"nodes registered in {result.NodesRegistered.TotalSeconds:F1} s; Deployments created in {result.DeploymentsCreated.TotalSeconds:F2} s " +
            $"(create call p50 {Number(result.CreateCallMs.P50, "F1")} ms, p99 {Number(result.CreateCallMs.P99, "F1")} ms); times from the first create call");
        Console.WriteLine("activations per silo: " + string.Join(", ", result.Placement.Select((p, i) =>
            $"silo {i + 1} {p.Activations:N0} ({p.HollowAgents:N0} hollow node agents)")));
        Console.WriteLine();
        Console.WriteLine($"{"stage",-24}{"pods",8}{"first s",10}{"last s",10}{"p50 ms",10}{"p99 ms",10}  (p50, p99: from the stage before)");
        foreach (var stage in result.Stages)
        {
            Console.WriteLine($"{stage.Name,-24}{stage.Pods,8:N0}{Seconds(stage.First),10}{Seconds(stage.Last),10}" +
                $"{Number(stage.FromPreviousMs.P50, "F1"),10}{Number(stage.FromPreviousMs.P99, "F1"),10}");
        }
        Console.WriteLine();
        var boundWindow = bound.Last - created.First;
        Console.WriteLine($"{"figure",-46}{"value",12}{"target",12}{"floor",12}  verdict");
        Row("pods bound/s, first create to last bind", PerSecond(bound.Pods, boundWindow), "N0", 1000, 200, higherIsBetter: true);
        Row("pods bound/s, from the first create call", PerSecond(bound.Pods, bound.Last), "N0", 1000, 200, higherIsBetter: true);
        Row("all pods created, s", created.Pods >= a.Pods ? created.Last?.TotalSeconds : null, "F1");
        Row("all pods bound, s", bound.Pods >= a.Pods ? bound.Last?.TotalSeconds : null, "F1");
        Row("all pods Running, s", allRunning?.TotalSeconds, "F1", 30, 120, higherIsBetter: false);
        Row("objects written/s (revisions to all Running)", PerSecond(result.Revisions, allRunning), "N0");
        Row("heap per active pod, KB", result.HeapBytes / 1024.0 / a.Pods, "F1", 16, null, higherIsBetter: false);
        Row("working set per active pod, KB", result.WorkingSetBytes / 1024.0 / a.Pods, "F1");
        Console.WriteLine($"revisions written: {result.Revisions:N0}. Kubernetes' scheduler: about 270-300 pods/s on 5,000-node benchmarks.");
    }

    /// <summary>"target" when the target is met, "floor" when only the floor is, "MISS" below the floor (or nothing measured).</summary>
    private static string Verdict(double? value, double target, double? floor, bool higherIsBetter)
    {
        bool Meets(double limit) => value is { } v && (higherIsBetter ? v >= limit : v <= limit);
        return Meets(target) ? "target" : floor is { } f && Meets(f) ? "floor" : "MISS";
    }

    private static void Row(string name, double? value, string format, double? target = null, double? floor = null, bool higherIsBetter = true)
    {
        var sign = higherIsBetter ? ">= " : "<= ";
        var verdict = target is { } t ? Verdict(value, t, floor, higherIsBetter) : "";
        var line = $"{name,-46}{Number(value, format),12}{(target is { } g ? sign + Number(g, "N0") : "-"),12}" +
            $"{(floor is { } f ? sign + Number(f, "N0") : "-"),12}  {verdict}";
        Console.WriteLine(line.TrimEnd());
    }

    private static double? PerSecond(long count, TimeSpan? over) => over is { TotalSeconds: > 0 } o ? count / o.TotalSeconds : null;

    private static string Seconds(TimeSpan? at) => Number(at?.TotalSeconds, "F2");

    private static string Number(double? value, string format) =>
        value is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
