using System.Diagnostics;

namespace Actors.ApiBench;

/// <summary>
/// Sends at fixed times regardless of how earlier requests fare and times each from its scheduled send, so a
/// server that falls behind shows as queueing in the latencies rather than as a lower send rate.
/// </summary>
internal static class OpenLoop
{
    public static async Task<PhaseResult> RunAsync(string name, double rate, TimeSpan duration, Func<int, Task> request)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var latencies = new double[count];
        var failures = 0;
        string? firstError = null;
        var inFlight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var scheduled = start + (long)(i * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    await request(index);
                    latencies[index] = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
                }
                catch (Exception e)
                {
                    latencies[index] = double.NaN;
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }));
        }
        await Task.WhenAll(inFlight);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var succeeded = latencies.Where(l => !double.IsNaN(l)).ToArray();
        return new PhaseResult(name, rate, count, failures, succeeded.Length / elapsed, Percentiles.Of(succeeded), firstError);
    }
}
