using System.Diagnostics;

namespace Actors.DockerBench;

/// <summary>Waits for a condition by asking every <see cref="Scenario.PollInterval"/>, as a user watching the API would.</summary>
internal static class Poll
{
    /// <summary>The time on <paramref name="clock"/> when <paramref name="condition"/> first held.</summary>
    public static async Task<TimeSpan> UntilAsync(string what, Stopwatch clock, Func<Task<bool>> condition)
    {
        while (clock.Elapsed < Scenario.Deadline)
        {
            if (await condition())
            {
                return clock.Elapsed;
            }
            await Task.Delay(Scenario.PollInterval);
        }
        throw new TimeoutException($"{what}: not within {Scenario.Deadline.TotalMinutes} min");
    }
}
