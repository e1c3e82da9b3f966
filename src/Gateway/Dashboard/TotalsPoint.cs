namespace Actors.Gateway.Dashboard;

/// <summary>One point of a chart: a sample's totals, for the whole silo or one grain type.</summary>
public sealed record TotalsPoint(DateTimeOffset Time, int Activations, double CallsPerSecond, double ExceptionsPerSecond, double AverageMs);
