using Actors.Grains.Abstractions.Resources;

namespace Actors.NodeAgent.Agent.Probes;

/// <summary>Consecutive results of one probe on one container attempt.</summary>
public sealed record ProbeCounts(int Successes, int Failures, bool? Passing);

/// <summary>
/// The kubelet's probe thresholds as a pure function: a probe flips to passing after successThreshold
/// successes in a row and to failing after failureThreshold failures in a row; only flips are reported.
/// </summary>
public static class ProbeTracker
{
    public static (ProbeCounts Counts, bool? Flipped) Record(ProbeCounts counts, bool success, Probe probe)
    {
        var successThreshold = Math.Max(1, probe.SuccessThreshold ?? 1);
        var failureThreshold = Math.Max(1, probe.FailureThreshold ?? 3);
        var next = success
            ? counts with { Successes = counts.Successes + 1, Failures = 0 }
            : counts with { Successes = 0, Failures = counts.Failures + 1 };
        bool? passing = next.Successes >= successThreshold ? true : next.Failures >= failureThreshold ? false : counts.Passing;
        return (next with { Passing = passing }, passing != counts.Passing ? passing : null);
    }

    public static TimeSpan Period(Probe probe) => TimeSpan.FromSeconds(Math.Max(1, probe.PeriodSeconds ?? 10));

    public static TimeSpan Timeout(Probe probe) => TimeSpan.FromSeconds(Math.Max(1, probe.TimeoutSeconds ?? 1));

    public static TimeSpan InitialDelay(Probe probe) => TimeSpan.FromSeconds(Math.Max(0, probe.InitialDelaySeconds ?? 0));
}
