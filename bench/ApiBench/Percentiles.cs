namespace Actors.ApiBench;

/// <summary>The p50 and p99 of a sample in milliseconds, by nearest rank; NaN for an empty sample.</summary>
internal readonly record struct Percentiles(double P50, double P99)
{
    public static Percentiles Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN);
        }
        var sorted = milliseconds.Order().ToArray();
        return new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.99));
    }

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>One row of the table: what was asked, what came back, and the first error if any failed.</summary>
internal sealed record PhaseResult(string Name, double TargetRate, int Sent, int Failed, double AchievedRate, Percentiles Latency, string? FirstError)
{
    public double? TargetP99 { get; init; }
}
