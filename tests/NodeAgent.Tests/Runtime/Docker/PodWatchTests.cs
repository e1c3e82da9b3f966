using Actors.NodeAgent.Docker;
using Actors.NodeAgent.Runtime;
using Actors.NodeAgent.Runtime.Docker;

namespace Actors.NodeAgent.Tests.Runtime.Docker;

[Trait("Category", "Unit")]
public sealed class PodWatchTests
{
    private static readonly DateTimeOffset T1 = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static readonly DockerRuntimeOptions FastRetries = new()
    {
        WatchRetryInitial = TimeSpan.FromMilliseconds(5),
        WatchRetryMax = TimeSpan.FromMilliseconds(20),
    };

    [Fact]
    public async Task The_watch_rides_out_engine_outages_and_broken_streams_and_asks_for_what_it_missed()
    {
        var engine = new ScriptedEventsClient(
            new ScriptedEventsClient.Answer(null),
            new ScriptedEventsClient.Answer([Event("die", "uid-a", T1), Event("start", null, T1)]),
            new ScriptedEventsClient.Answer(null),
            new ScriptedEventsClient.Answer([Event("start", "uid-b", T1.AddSeconds(1))], BreaksAfter: false));
        var runtime = new DockerContainerRuntime(engine, "node-a", FastRetries);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(20));

        var seen = new List<PodContainerChange>();
        await foreach (var change in runtime.WatchPodChangesAsync(stop.Token))
        {
            seen.Add(change);
            if (seen.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([new PodContainerChange("uid-a", "id-die", Started: false), new PodContainerChange("uid-b", "id-start", Started: true)], seen);
        Assert.Equal([null, null, T1, T1], engine.Sinces);
    }

    [Fact]
    public async Task The_watch_ends_without_an_exception_when_cancelled_while_the_engine_is_down()
    {
        var engine = new ScriptedEventsClient(new ScriptedEventsClient.Answer(null));
        var runtime = new DockerContainerRuntime(engine, "node-a", FastRetries);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var seen = new List<PodContainerChange>();
        await foreach (var change in runtime.WatchPodChangesAsync(stop.Token))
        {
            seen.Add(change);
        }

        Assert.Empty(seen);
        // Capped at 20 ms, 300 ms of outage allows about 15 attempts; a busy loop would make thousands.
        Assert.InRange(engine.Sinces.Count, 2, 60);
    }

    private static DockerEvent Event(string action, string? uid, DateTimeOffset time) => new(
        "container",
        action,
        "id-" + action,
        uid is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [PodSandboxConfig.PodUidLabel] = uid },
        time);
}
