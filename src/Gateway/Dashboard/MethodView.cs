namespace Actors.Gateway.Dashboard;

/// <summary>One grain method: totals since the silo started and its rates over the last sample interval.</summary>
public sealed record MethodView(
    string GrainType,
    string Method,
    long Calls,
    long Errors,
    double AverageMs,
    double P99Ms,
    double CallsPerSecond,
    double ErrorsPerSecond);
