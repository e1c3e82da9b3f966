namespace Actors.Gateway.Metrics;

/// <summary>
/// One histogram series. <see cref="BucketCounts"/> holds the count per bucket, not cumulative, with one more
/// entry than <see cref="Bounds"/> for the values above the last bound.
/// </summary>
public sealed record HistogramPoint(
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    IReadOnlyList<double> Bounds,
    IReadOnlyList<long> BucketCounts,
    double Sum,
    long Count);
