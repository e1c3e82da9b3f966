using System.Runtime.CompilerServices;
using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>The engine's container events for this node, as pod changes, kept alive across engine restarts.</summary>
public sealed partial class DockerContainerRuntime
{
    private static readonly IReadOnlyList<string> WatchedActions = ["start", "die", "oom", "destroy"];

    public async IAsyncEnumerable<PodContainerChange> WatchPodChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>
        {
            ["type"] = ["container"],
            ["label"] = [ContainerLabels.NodeFilter(_nodeName)],
            ["event"] = WatchedActions,
        };
        var wait = TimeSpan.Zero;
        DateTimeOffset? since = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var openedAt = _time.GetUtcNow();
            var delivered = false;
            if (await OpenEventsAsync(filters, since, cancellationToken) is { } events)
            {
                // From now on a reconnect asks for what happened since, so a broken stream loses nothing.
                since = openedAt;
                await foreach (var change in events.WithCancellation(cancellationToken))
                {
                    delivered = true;
                    since = change.Time;
                    if (ContainerIdentity.From(change.Attributes.GetValueOrDefault("name"), change.Attributes) is { } pod)
                    {
                        yield return new PodContainerChange(pod.PodUid, change.ActorId, change.Action == "start");
                    }
                    else if (change.Action is "die" or "destroy" && SandboxPoolLabels.IsPoolContainer(change.Attributes))
                    {
                        ForgetWarm(change.ActorId);
                    }
                }
            }
            wait = WatchBackoff.Next(wait, delivered, _options.WatchRetryInitial, _options.WatchRetryMax);
            if (!await DelayAsync(wait, cancellationToken))
            {
                yield break;
            }
        }
    }

    /// <summary>The open event stream; null when the engine could not be asked or the watch was cancelled.</summary>
    private async Task<DockerStream<DockerEvent>?> OpenEventsAsync(
        IReadOnlyDictionary<string, IReadOnlyList<string>> filters, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        try
        {
            var opened = await _docker.MonitorEventsAsync(filters, since, cancellationToken);
            return opened.IsOk ? opened.Value : null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Waits before a reconnect; false when the watch was cancelled meanwhile.</summary>
    private async Task<bool> DelayAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, _time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
