namespace Actors.Gateway.Dashboard;

/// <summary>Cumulative counters of one grain type on one silo at one instant: what rates are computed from.</summary>
public sealed record GrainCounters(
    string GrainType,
    int Activations,
    long Calls,
    long Errors,
    double TotalElapsedMs,
    double P99Ms,
    long TimerTicks);
