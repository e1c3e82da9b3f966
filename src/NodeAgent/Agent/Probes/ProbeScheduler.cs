using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Resources;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent.Probes;

/// <summary>
/// Keeps one probe loop per running container that has probes, off the agent's turns. A loop runs the
/// startup probe until it passes, then liveness and readiness on their periods, and reports only flips to
/// the agent. A container that stops running, or restarts under a new ID, gets its loop cancelled.
/// </summary>
internal sealed class ProbeScheduler(ProbeRunner runner, INodeAgentGrain agent, CancellationToken stopping)
{
    public void Track(PodRecord record, RuntimePod? observed, bool enabled)
    {
        var wanted = new Dictionary<string, Container>(StringComparer.Ordinal);
        if (enabled && observed is not null && record.Pod.Metadata?.DeletionTimestamp is null)
        {
            foreach (var container in record.Pod.Spec?.Containers ?? [])
            {
                if (container.StartupProbe is null && container.LivenessProbe is null && container.ReadinessProbe is null)
                {
                    continue;
                }
                if (PodSyncPlanner.Latest(observed, container.Name ?? "") is { State: RuntimeContainerState.Running } running)
                {
                    wanted[running.Id] = container;
                }
            }
        }
        foreach (var id in record.Probes.Keys.Where(id => !wanted.ContainsKey(id)).ToList())
        {
            Stop(record, id);
        }
        foreach (var (id, container) in wanted.Where(w => !record.Probes.ContainsKey(w.Key)))
        {
            var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            record.Probes[id] = cancellation;
            var uid = record.Uid;
            var podIP = observed!.PodIP;
            _ = Task.Run(() => RunAsync(uid, container, id, podIP, cancellation.Token), CancellationToken.None);
        }
    }

    public void StopAll(PodRecord record)
    {
        foreach (var id in record.Probes.Keys.ToList())
        {
            Stop(record, id);
        }
    }

    private static void Stop(PodRecord record, string id)
    {
        record.Probes[id].Cancel();
        record.Probes[id].Dispose();
        record.Probes.Remove(id);
        record.Readiness.Remove(id);
    }

    private async Task RunAsync(string uid, Container container, string id, string? podIP, CancellationToken cancellationToken)
    {
        try
        {
            if (container.StartupProbe is { } startup && !await UntilDecidedAsync(uid, container, id, podIP, startup, ProbeKind.Startup, cancellationToken))
            {
                return;
            }
            var loops = new List<Task>();
            if (container.LivenessProbe is { } liveness)
            {
                loops.Add(LoopAsync(uid, container, id, podIP, liveness, ProbeKind.Liveness, cancellationToken));
            }
            if (container.ReadinessProbe is { } readiness)
            {
                loops.Add(LoopAsync(uid, container, id, podIP, readiness, ProbeKind.Readiness, cancellationToken));
            }
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs the startup probe until it passes (true) or fails for good (false: reported, the container is killed).</summary>
    private async Task<bool> UntilDecidedAsync(string uid, Container container, string id, string? podIP, Probe probe, ProbeKind kind, CancellationToken cancellationToken)
    {
        var counts = new ProbeCounts(0, 0, null);
        await Task.Delay(ProbeTracker.InitialDelay(probe), cancellationToken);
        while (true)
        {
            (counts, var flipped) = ProbeTracker.Record(counts, await runner.RunAsync(probe, container, id, podIP, cancellationToken), probe);
            if (flipped is { } passing)
            {
                if (!passing)
                {
                    await agent.ProbeChangedAsync(uid, id, kind.ToString(), false);
                }
                return passing;
            }
            await Task.Delay(ProbeTracker.Period(probe), cancellationToken);
        }
    }

    private async Task LoopAsync(string uid, Container container, string id, string? podIP, Probe probe, ProbeKind kind, CancellationToken cancellationToken)
    {
        var counts = new ProbeCounts(0, 0, null);
        await Task.Delay(ProbeTracker.InitialDelay(probe), cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            (counts, var flipped) = ProbeTracker.Record(counts, await runner.RunAsync(probe, container, id, podIP, cancellationToken), probe);
            if (flipped is { } passing)
            {
                await agent.ProbeChangedAsync(uid, id, kind.ToString(), passing);
                if (!passing && kind == ProbeKind.Liveness)
                {
                    return;
                }
            }
            await Task.Delay(ProbeTracker.Period(probe), cancellationToken);
        }
    }
}
