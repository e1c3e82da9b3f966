using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Store;
using Actors.NodeAgent.Agent.Streams;
using Actors.NodeAgent.Agent.Probes;
using Actors.NodeAgent.Runtime;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// The kubelet's role for one node. It syncs every pod bound to the node against the container runtime — on
/// a change, on an engine event and on a resync timer — with the pure <see cref="PodSyncPlanner"/> deciding;
/// slow runtime work (starts, graceful stops) runs off the grain's turns, one worker per pod, so pods start in
/// parallel; it reports pod status to the pods' grains and heartbeats to its Node grain. The Docker and
/// hollow agents differ only in their runtime and where they live.
/// </summary>
public abstract partial class NodeAgentGrain(IObjectStore store, NodeAgentOptions options, TimeProvider time, IEventSink events, ILogger logger)
    : Grain, INodeAgentGrain
{
    private readonly Dictionary<string, PodRecord> _pods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removingOrphans = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Dictionary<string, RuntimePod> _observed = new(StringComparer.Ordinal);
    private IContainerRuntime _runtime = null!;
    private ProbeScheduler _probes = null!;
    private IGrainTimer? _refill;
    private readonly StreamSessions _streams = new(time);

    protected string NodeName => GrainId.Key;

    protected TimeProvider Time => time;

    /// <summary>This grain through its own interface, for the workers' reports (they run outside its turns).</summary>
    protected abstract INodeAgentGrain Self { get; }

    /// <summary>The prefix of container IDs in pod status (<c>docker://…</c>), as the kubelet shows them.</summary>
    protected abstract string RuntimeScheme { get; }

    /// <summary>The address pods on this node report as hostIP.</summary>
    protected abstract string HostIP { get; }

    protected abstract Task<IContainerRuntime> CreateRuntimeAsync(JsonObject? node, CancellationToken cancellationToken);

    /// <summary>False for a simulated runtime: nothing listens there, so containers count as ready once running.</summary>
    protected virtual bool RunsProbes => true;

    /// <summary>Probes reach pods directly, never through a proxy; one client for every agent in the process.</summary>
    private static readonly HttpClient ProbeHttp = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var node = await store.GetAsync("Node", "", NodeName, cancellationToken);
        _runtime = await CreateRuntimeAsync(node, cancellationToken);
        _probes = new ProbeScheduler(new ProbeRunner(_runtime, ProbeHttp), Self, _stopping.Token);
        this.RegisterGrainTimer(_ => ResyncAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, options.ResyncPeriod) { KeepAlive = true });
        // Interleaved, as the kubelet's heartbeat is independent of its pod work: a node busy with slow pod
        // writes is still alive.
        this.RegisterGrainTimer(_ => HeartbeatAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, options.HeartbeatPeriod) { KeepAlive = true, Interleave = true });
        _ = Task.Run(() => ForwardEngineEventsAsync(_stopping.Token), CancellationToken.None);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _streams.EndAllAsync();
        _stopping.Dispose();
    }

    public Task WakeAsync() => Task.CompletedTask;

    public async Task PodChangedAsync(string podKey)
    {
        var separator = podKey.IndexOf('/');
        var obj = await store.GetAsync("Pod", podKey[..separator], podKey[(separator + 1)..]);
        var pod = obj is null ? null : KubernetesJson.Deserialize<Pod>(obj);
        if (pod?.Spec?.NodeName != NodeName)
        {
            // Gone (force-deleted): whatever it left on the engine is an orphan now.
            if (_pods.Values.FirstOrDefault(r => r.Key == podKey) is { Busy: false } gone)
            {
                Forget(gone);
                RemoveOrphans();
            }
            return;
        }
        await SyncAsync(Upsert(pod));
    }

    public async Task PodWorkDoneAsync(string podUid, PodStartFailure[] failures)
    {
        if (!_pods.TryGetValue(podUid, out var record))
        {
            _removingOrphans.Remove(podUid);
            return;
        }
        record.Busy = false;
        var now = time.GetUtcNow();
        foreach (var failure in failures)
        {
            var count = record.StartFailures.TryGetValue(failure.Container, out var previous) ? previous.Count + 1 : 1;
            record.StartFailures[failure.Container] = new ContainerStartRecord(failure.Reason, failure.Message, now, count);
        }
        await RefreshPodAsync(podUid);
        if (_observed.TryGetValue(podUid, out var observed))
        {
            foreach (var started in observed.Containers.Where(c => c.State == RuntimeContainerState.Running))
            {
                record.StartFailures.Remove(started.Name);
            }
        }
        await SyncAsync(record);
        RefillSandboxPoolWhenIdle();
    }

    public async Task EngineEventAsync(string podUid, string? startedContainerId)
    {
        if (_pods.TryGetValue(podUid, out var record) && EngineEventTriage.NeedsRefresh(record.Busy, _observed.GetValueOrDefault(podUid), startedContainerId))
        {
            await RefreshPodAsync(podUid);
            await SyncAsync(record);
        }
    }

    public async Task ProbeChangedAsync(string podUid, string containerId, string kind, bool passing)
    {
        if (!_pods.TryGetValue(podUid, out var record))
        {
            return;
        }
        if (kind == nameof(ProbeKind.Readiness))
        {
            record.Readiness[containerId] = passing;
            await SyncAsync(record);
            return;
        }
        if (!passing)
        {
            // A failed liveness or startup probe: the container is killed and restarted by its restartPolicy.
            LogProbeKill(logger, NodeName, record.Key, containerId, kind);
            var grace = TimeSpan.FromSeconds(record.Pod.Spec?.TerminationGracePeriodSeconds ?? 30);
            _ = Task.Run(async () =>
            {
                await _runtime.StopContainerAsync(containerId, grace, _stopping.Token);
                await Self.EngineEventAsync(podUid, startedContainerId: null);
            }, CancellationToken.None);
        }
    }

    public async Task<PodLogResult> GetLogsAsync(PodLogRequest request)
    {
        var (attempt, error) = FindLogAttempt(request);
        if (attempt is null)
        {
            return new PodLogResult(false, [], error);
        }
        var logs = await _runtime.LogsAsync(attempt.Id, new ContainerLogQuery(false, request.TailLines, request.Since, request.Timestamps), _stopping.Token);
        if (!logs.IsOk)
        {
            return new PodLogResult(false, [], logs.Message);
        }
        var lines = new List<string>();
        var bytes = 0;
        await foreach (var line in logs.Value!.WithCancellation(_stopping.Token))
        {
            bytes += line.Length + 1;
            if (request.LimitBytes is { } limit && bytes > limit)
            {
                break;
            }
            lines.Add(line);
        }
        return new PodLogResult(true, [.. lines]);
    }

    /// <summary>The container attempt whose log a request means (the latest, or the one before it); else why none.</summary>
    private (RuntimeContainer? Attempt, string? Error) FindLogAttempt(PodLogRequest request)
    {
        var (observed, name, error) = FindContainer(request.Namespace, request.Pod, request.Container);
        if (observed is null || error is not null)
        {
            return (null, error);
        }
        var attempts = observed.Containers.Where(c => c.Name == name).OrderByDescending(c => c.Attempt).ToList();
        var attempt = request.Previous ? attempts.Skip(1).FirstOrDefault() : attempts.FirstOrDefault();
        return attempt is not null
            ? (attempt, null)
            : (null, request.Previous
                ? $"previous terminated container \"{name}\" in pod \"{request.Pod}\" not found"
                : $"container \"{name}\" in pod \"{request.Pod}\" is waiting to start");
    }

    /// <summary>The pod as the engine holds it and which of its containers a log or exec request means; else why none.</summary>
    private (RuntimePod? Observed, string Container, string? Error) FindContainer(string ns, string podName, string? container)
    {
        var record = _pods.Values.FirstOrDefault(r => r.Key == $"{ns}/{podName}");
        if (record is null || !_observed.TryGetValue(record.Uid, out var observed))
        {
            return (null, "", $"pod \"{podName}\" has no containers on node {NodeName} yet");
        }
        var (chosen, error) = ContainerChoice.Choose([.. record.Pod.Spec?.Containers?.Select(c => c.Name ?? "") ?? []], container, podName);
        return (observed, chosen ?? "", error);
    }

    private async Task ResyncAsync()
    {
        var desired = new Dictionary<string, Pod>(StringComparer.Ordinal);
        foreach (var obj in await store.ListByNodeAsync("Pod", NodeName, _stopping.Token))
        {
            var pod = KubernetesJson.Deserialize<Pod>(obj);
            if (pod.Metadata?.Uid is { } uid)
            {
                desired[uid] = pod;
            }
        }
        foreach (var gone in _pods.Values.Where(r => !desired.ContainsKey(r.Uid) && !r.Busy).ToList())
        {
            Forget(gone);
        }
        await RefreshObservedAsync();
        foreach (var pod in desired.Values)
        {
            await SyncAsync(Upsert(pod));
        }
        RemoveOrphans();
        RefillSandboxPoolWhenIdle();
        await _streams.SweepIdleAsync();
    }

    private PodRecord Upsert(Pod pod)
    {
        var uid = pod.Metadata!.Uid!;
        if (_pods.TryGetValue(uid, out var record))
        {
            record.Pod = pod;
            return record;
        }
        record = new PodRecord(uid, $"{pod.Metadata.Namespace}/{pod.Metadata.Name}", pod);
        _pods[uid] = record;
        return record;
    }

    private void Forget(PodRecord record)
    {
        record.Requeue?.Dispose();
        _probes.StopAll(record);
        _pods.Remove(record.Uid);
    }

    /// <summary>Readiness by container name for the running attempt; a simulated runtime's containers are ready when running.</summary>
    private Dictionary<string, bool> ReadinessOf(PodRecord record, RuntimePod? observed)
    {
        var readiness = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var container in record.Pod.Spec?.Containers ?? [])
        {
            var latest = PodSyncPlanner.Latest(observed, container.Name ?? "");
            readiness[container.Name ?? ""] = !RunsProbes || (latest is not null && record.Readiness.GetValueOrDefault(latest.Id));
        }
        return readiness;
    }

    private async Task RefreshObservedAsync()
    {
        // An engine that does not answer tells nothing about the containers: keep the last view rather than restart every pod.
        var pods = await _runtime.TryListPodsAsync(_stopping.Token);
        if (pods.IsOk)
        {
            _observed = pods.Value!.ToDictionary(p => p.Uid, StringComparer.Ordinal);
        }
    }

    /// <summary>Re-reads one pod from the engine: a pod's own change costs one filtered list, not the whole node's.</summary>
    private async Task RefreshPodAsync(string podUid)
    {
        var pod = await _runtime.TryGetPodAsync(podUid, _stopping.Token);
        if (!pod.IsOk)
        {
            return;
        }
        if (pod.Value is { } found)
        {
            _observed[podUid] = found;
        }
        else
        {
            _observed.Remove(podUid);
        }
    }

    private async Task SyncAsync(PodRecord record)
    {
        if (record.Busy)
        {
            // The worker's end re-reads and syncs the pod.
            return;
        }
        var observed = _observed.GetValueOrDefault(record.Uid);
        var plan = PodSyncPlanner.Plan(new PodSyncInput(
            record.Pod, observed, record.StartFailures, ReadinessOf(record, observed),
            record.Reported, time.GetUtcNow(), options.Backoff, RuntimeScheme, HostIP));
        _probes.Track(record, observed, RunsProbes);
        // A sync that starts work reports once that work is done: one status write per start instead of two.
        if (plan.Actions.Count == 0 && plan.Status is { } status && KubernetesJson.Serialize(status) != (record.Reported is null ? null : KubernetesJson.Serialize(record.Reported)))
        {
            await ReportAsync(record, status);
        }
        if (plan.Actions.OfType<PodAction.ConfirmDeletion>().Any())
        {
            Forget(record);
            await GrainFactory.GetGrain<IPodGrain>(record.Key).DeleteAsync(new DeleteRequest(GracePeriodSeconds: 0, PreconditionUid: record.Uid));
            return;
        }
        if (plan.Actions.OfType<PodAction.RemovePod>().Any() && !record.KillingReported)
        {
            record.KillingReported = true;
            var involved = KubernetesJson.SerializeToNode(record.Pod);
            foreach (var container in record.Pod.Spec?.Containers ?? [])
            {
                KubernetesEvents.Record(events, involved, KubernetesEvents.Normal, "Killing", $"Stopping container {container.Name}", "kubelet", time.GetUtcNow());
            }
        }
        if (plan.Actions.Count > 0)
        {
            record.Busy = true;
            var pod = record.Pod;
            _ = Task.Run(() => RunActionsAsync(pod, observed, plan.Actions, _stopping.Token), CancellationToken.None);
        }
        if (plan.RequeueAfter is { } after)
        {
            record.Requeue?.Dispose();
            record.Requeue = this.RegisterGrainTimer(_ => SyncAsync(record), after, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ReportAsync(PodRecord record, PodStatus status)
    {
        var body = new JsonObject { ["status"] = KubernetesJson.SerializeToNode(status) };
        var result = await GrainFactory.GetGrain<IPodGrain>(record.Key).UpdateStatusAsync(body.ToJsonString());
        if (result.Succeeded)
        {
            record.Reported = status;
        }
    }

    /// <summary>Carries out a plan off the grain's turns; the outcome comes back through <see cref="PodWorkDoneAsync"/>.</summary>
    private async Task RunActionsAsync(Pod pod, RuntimePod? observed, IReadOnlyList<PodAction> actions, CancellationToken cancellationToken)
    {
        var uid = pod.Metadata!.Uid!;
        var failures = new List<PodStartFailure>();
        try
        {
            var worker = new PodWorker(_runtime, store, options, NodeName, HostIP);
            await worker.RunAsync(pod, observed, actions, failures, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogWorkerFailed(logger, NodeName, uid, exception);
        }
        if (!cancellationToken.IsCancellationRequested)
        {
            await Self.PodWorkDoneAsync(uid, [.. failures]);
        }
    }

    /// <summary>Containers labelled as this node's that no pod wants are stopped and removed.</summary>
    private void RemoveOrphans()
    {
        foreach (var orphan in _observed.Keys.Where(uid => !_pods.ContainsKey(uid) && _removingOrphans.Add(uid)).ToList())
        {
            LogRemovingOrphan(logger, NodeName, orphan);
            _ = Task.Run(async () =>
            {
                await _runtime.RemovePodAsync(orphan, options.OrphanGracePeriod, _stopping.Token);
                await Self.PodWorkDoneAsync(orphan, []);
            }, CancellationToken.None);
        }
    }

    /// <summary>
    /// Refills the warm sandbox pool once the node has had no pod work for the refill delay (each call starts the
    /// wait again), so a refill does not share the engine with a burst of pod starts.
    /// </summary>
    private void RefillSandboxPoolWhenIdle()
    {
        _refill?.Dispose();
        _refill = this.RegisterGrainTimer(_ => RefillSandboxPoolIfIdleAsync(), options.SandboxPoolRefillDelay, Timeout.InfiniteTimeSpan);
    }

    private Task RefillSandboxPoolIfIdleAsync()
    {
        if (!_pods.Values.Any(r => r.Busy))
        {
            _ = Task.Run(() => _runtime.RefillSandboxPoolAsync(_stopping.Token), CancellationToken.None);
        }
        return Task.CompletedTask;
    }

    private async Task ForwardEngineEventsAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in _runtime.WatchPodChangesAsync(cancellationToken))
                {
                    await Self.EngineEventAsync(change.PodUid, change.Started ? change.ContainerId : null);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogEventsFailed(logger, NodeName, exception.Message);
            }
            // The stream ended (engine restarted): the resync covers the gap; reconnect after a pause.
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task HeartbeatAsync()
    {
        var status = await NodeStatusReport.BuildAsync(_runtime, NodeName, HostIP, _stopping.Token);
        await GrainFactory.GetGrain<INodeGrain>(NodeName).HeartbeatAsync(status.ToJsonString());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node}: work on pod {Pod} failed")]
    private static partial void LogWorkerFailed(ILogger logger, string node, string pod, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node}: removing containers of pod {Pod}, which no pod object wants")]
    private static partial void LogRemovingOrphan(ILogger logger, string node, string pod);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node}: pod {Pod} container {Container} failed its {Probe} probe; killing it")]
    private static partial void LogProbeKill(ILogger logger, string node, string pod, string container, string probe);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node}: engine event stream failed: {Error}")]
    private static partial void LogEventsFailed(ILogger logger, string node, string error);
}
