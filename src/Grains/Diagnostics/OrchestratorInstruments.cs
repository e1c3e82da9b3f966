using System.Diagnostics.Metrics;

namespace Actors.Grains.Diagnostics;

/// <summary>
/// The control loops' instruments on the meter "Actors.Orchestrator", which /metrics exports. Static, as .NET's
/// own libraries keep theirs: the runtime constructs grains, so nothing would hand them an instance.
/// </summary>
public static class OrchestratorInstruments
{
    public const string MeterName = "Actors.Orchestrator";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> ReconcileDuration = Meter.CreateHistogram<double>(
        "actors_reconcile_duration", "s", "Duration of one pass of an object's control loop, by kind and result");

    private static readonly Counter<long> ReconcileErrors = Meter.CreateCounter<long>(
        "actors_reconcile_errors", null, "Control-loop passes that threw, by kind");

    private static readonly Histogram<double> SchedulingDuration = Meter.CreateHistogram<double>(
        "actors_scheduling_attempt_duration", "s", "Duration of one attempt to bind a pod to a node, by result");

    private static readonly Counter<long> SchedulingAttempts = Meter.CreateCounter<long>(
        "actors_scheduling_attempts", null, "Attempts to bind a pod to a node, by result (scheduled or unschedulable)");

    public static void RecordReconcile(string kind, TimeSpan elapsed, bool failed)
    {
        ReconcileDuration.Record(elapsed.TotalSeconds, new("kind", kind), new("result", failed ? "error" : "success"));
        if (failed)
        {
            ReconcileErrors.Add(1, new KeyValuePair<string, object?>("kind", kind));
        }
    }

    public static void RecordScheduling(bool scheduled, TimeSpan elapsed)
    {
        var result = new KeyValuePair<string, object?>("result", scheduled ? "scheduled" : "unschedulable");
        SchedulingDuration.Record(elapsed.TotalSeconds, result);
        SchedulingAttempts.Add(1, result);
    }
}
