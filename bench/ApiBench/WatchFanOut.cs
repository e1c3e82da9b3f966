using System.Diagnostics;
using System.Text.Json;

namespace Actors.ApiBench;

/// <summary>
/// Many watchers of one namespace's ConfigMaps while ConfigMaps are created there at a fixed rate: the delay from
/// each create's response until each watcher has read its ADDED event.
/// </summary>
internal sealed class WatchFanOut(KubeClient kube, string ns, int watchers, double writeRate, TimeSpan duration)
{
    private const string NamePrefix = "w-";
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public async Task<(PhaseResult Writes, PhaseResult Delivery)> RunAsync()
    {
        var writes = (int)(writeRate * duration.TotalSeconds);
        var list = await kube.GetJsonAsync($"api/v1/namespaces/{ns}/configmaps");
        var resourceVersion = (string)list["metadata"]!["resourceVersion"]!;
        var seen = new long[watchers, writes];
        var remaining = (long)watchers * writes;
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var opened = 0;
        var readers = Enumerable.Range(0, watchers).Select(w => Task.Run(async () =>
        {
            using var response = await kube.OpenStreamAsync($"api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={resourceVersion}", stop.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            var first = true;
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var now = Stopwatch.GetTimestamp();
                if (first)
                {
                    first = false;
                    Interlocked.Increment(ref opened);
                }
                if (WrittenIndex(line) is { } i && i < writes && seen[w, i] == 0)
                {
                    seen[w, i] = now;
                    if (Interlocked.Decrement(ref remaining) == 0)
                    {
                        allSeen.TrySetResult();
                    }
                }
            }
        })).ToList();
        // The server sends a watch's headers with its first event, so one priming write shows every watch is live.
        await kube.SendAsync(HttpMethod.Post, $"api/v1/namespaces/{ns}/configmaps", Json.ConfigMap("prime"));
        var openDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Volatile.Read(ref opened) < watchers && DateTime.UtcNow < openDeadline && readers.All(r => !r.IsFaulted))
        {
            await Task.Delay(50);
        }
        if (Volatile.Read(ref opened) < watchers)
        {
            var fault = readers.FirstOrDefault(r => r.IsFaulted)?.Exception?.InnerException?.Message ?? "timed out";
            throw new InvalidOperationException($"only {opened} of {watchers} watches opened: {fault}");
        }

        var responded = new long[writes];
        var writeResult = await OpenLoop.RunAsync($"watch: CREATE ConfigMap ({watchers} watching)", writeRate, duration, async i =>
        {
            await kube.SendAsync(HttpMethod.Post, $"api/v1/namespaces/{ns}/configmaps", Json.ConfigMap(NamePrefix + i));
            responded[i] = Stopwatch.GetTimestamp();
        });
        await Task.WhenAny(allSeen.Task, Task.Delay(Grace));
        await stop.CancelAsync();
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));

        var delays = new List<double>(watchers * writes);
        var missed = 0;
        for (var w = 0; w < watchers; w++)
        {
            for (var i = 0; i < writes; i++)
            {
                if (responded[i] == 0)
                {
                    continue;
                }
                if (seen[w, i] == 0)
                {
                    missed++;
                    continue;
                }
                delays.Add(Stopwatch.GetElapsedTime(responded[i], seen[w, i]).TotalMilliseconds);
            }
        }
        var delivery = new PhaseResult("watch: write response -> each watcher", writeRate * watchers, delays.Count + missed, missed,
            delays.Count / duration.TotalSeconds, Percentiles.Of(delays), missed > 0 ? $"{missed} events not seen within {Grace.TotalSeconds:0} s" : null);
        return (writeResult, delivery);
    }

    /// <summary>The write index of an ADDED event for one of this phase's ConfigMaps; null for anything else.</summary>
    private static int? WrittenIndex(string line)
    {
        using var document = JsonDocument.Parse(line);
        if (document.RootElement.GetProperty("type").GetString() != "ADDED")
        {
            return null;
        }
        var name = document.RootElement.GetProperty("object").GetProperty("metadata").GetProperty("name").GetString();
        return name is not null && name.StartsWith(NamePrefix, StringComparison.Ordinal) && int.TryParse(name.AsSpan(NamePrefix.Length), out var i) ? i : null;
    }
}
