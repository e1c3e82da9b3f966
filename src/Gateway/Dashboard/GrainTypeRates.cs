namespace Actors.Gateway.Dashboard;

/// <summary>
/// One grain type on one silo over one sample interval. <see cref="AverageMs"/> is the average of the calls in
/// the interval (0 when there were none); <see cref="P99Ms"/> is the runtime's p99 since the silo started.
/// </summary>
public sealed record GrainTypeRates(
    string GrainType,
    string Silo,
    int Activations,
    double CallsPerSecond,
    double ExceptionsPerSecond,
    double AverageMs,
    double P99Ms,
    double TimerTicksPerSecond,
    long Calls,
    long Errors,
    long TimerTicks);
