using System.Diagnostics;

namespace Actors.Bench;

/// <summary>Runs calls with a fixed number in flight and reports throughput and latency percentiles.</summary>
public static class Measurements
{
    public static async Task<(double PerSecond, double P50Ms, double P99Ms)> RunAsync(int totalCalls, int concurrency, Func<int, Task> call)
    {
        var latencies = new double[totalCalls];
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < totalCalls)
            {
                var started = Stopwatch.GetTimestamp();
                await call(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return (totalCalls / elapsed, latencies[totalCalls / 2], latencies[(int)(totalCalls * 0.99)]);
    }
}
