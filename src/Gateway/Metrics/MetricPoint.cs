namespace Actors.Gateway.Metrics;

/// <summary>One counter or gauge value with its labels.</summary>
public sealed record MetricPoint(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value);
