namespace Actors.Runtime.Statistics;

/// <summary>Calls into one method of one grain type on this silo since start.</summary>
public sealed class MethodStatistics(string grainType, string method)
{
    private long _calls;
    private long _errors;
    private long _elapsedTicks;

    public string GrainType { get; } = grainType;

    public string Method { get; } = method;

    public long Calls => Interlocked.Read(ref _calls);

    public long Errors => Interlocked.Read(ref _errors);

    public TimeSpan TotalElapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    public LatencyHistogram Latency { get; } = new();

    internal void Record(TimeSpan elapsed, bool failed)
    {
        Interlocked.Increment(ref _calls);
        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }
        Interlocked.Add(ref _elapsedTicks, elapsed.Ticks);
        Latency.Record(elapsed);
    }
}
