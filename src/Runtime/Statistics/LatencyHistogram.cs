namespace Actors.Runtime.Statistics;

/// <summary>
/// Counts latencies in exponential buckets (about ±12% wide) so percentiles cost a fixed 64 counters, not a
/// sample list. Thread-safe by interlocked increments.
/// </summary>
public sealed class LatencyHistogram
{
    private const int BucketCount = 96;
    private const double FirstBucketMicroseconds = 10;
    private const double Growth = 1.25;

    private readonly long[] _buckets = new long[BucketCount];

    public static double UpperBoundMicroseconds(int bucket) => FirstBucketMicroseconds * Math.Pow(Growth, bucket);

    public static int BucketOf(TimeSpan elapsed)
    {
        var micros = elapsed.TotalMicroseconds;
        if (micros <= FirstBucketMicroseconds)
        {
            return 0;
        }
        var bucket = (int)Math.Ceiling(Math.Log(micros / FirstBucketMicroseconds, Growth));
        return Math.Min(bucket, BucketCount - 1);
    }

    public void Record(TimeSpan elapsed) => Interlocked.Increment(ref _buckets[BucketOf(elapsed)]);

    public long Count => _buckets.Sum(b => Interlocked.Read(ref b));

    /// <summary>The upper bound of the bucket holding the given quantile (0..1), or zero when empty.</summary>
    public TimeSpan Percentile(double quantile)
    {
        var counts = _buckets.Select(b => Interlocked.Read(ref b)).ToArray();
        var total = counts.Sum();
        if (total == 0)
        {
            return TimeSpan.Zero;
        }
        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return TimeSpan.FromMicroseconds(UpperBoundMicroseconds(i));
            }
        }
        return TimeSpan.FromMicroseconds(UpperBoundMicroseconds(BucketCount - 1));
    }
}
