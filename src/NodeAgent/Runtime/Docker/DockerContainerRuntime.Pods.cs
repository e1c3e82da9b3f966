using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>The pod-level operations: listing pods from the engine, running a sandbox, removing a whole pod.</summary>
public sealed partial class DockerContainerRuntime
{
    public async Task<IReadOnlyList<RuntimePod>> ListPodsAsync(CancellationToken cancellationToken) =>
        (await TryListPodsAsync(cancellationToken)).Value ?? [];

    public Task<RuntimeResult<IReadOnlyList<RuntimePod>>> TryListPodsAsync(CancellationToken cancellationToken) =>
        ListAsync([ContainerLabels.NodeFilter(_nodeName)], podNamePattern: null, cancellationToken);

    public async Task<RuntimeResult<RuntimePod?>> TryGetPodAsync(string podUid, CancellationToken cancellationToken)
    {
        var pods = await ListAsync([ContainerLabels.NodeFilter(_nodeName)], ContainerIdentity.PodNamePattern(podUid), cancellationToken);
        return pods.IsOk
            ? RuntimeResult<RuntimePod?>.Success(pods.Value!.FirstOrDefault(p => p.Uid == podUid))
            : RuntimeResult<RuntimePod?>.Failed(pods.Failure, pods.Message ?? "");
    }

    /// <summary>
    /// Lists and inspects. A whole-node list reuses inspections and learns which are of removed containers; one
    /// pod's list (by its containers' names, which a claimed pool sandbox shares with the rest), asked for right
    /// after an engine event, inspects afresh: the engine's list can still show the state from before the event,
    /// its inspect cannot.
    /// </summary>
    private async Task<RuntimeResult<IReadOnlyList<RuntimePod>>> ListAsync(IReadOnlyList<string> filters, string? podNamePattern, CancellationToken cancellationToken)
    {
        var wholeNode = podNamePattern is null;
        var listed = wholeNode
            ? await _docker.ListContainersAsync(all: true, filters, cancellationToken)
            : await _docker.ListContainersAsync(all: true, filters, podNamePattern!, cancellationToken);
        if (!listed.IsOk)
        {
            return RuntimeFailures.Failed<IReadOnlyList<RuntimePod>>(listed.Kind, listed.Message, RuntimeFailure.EngineError);
        }
        var inspected = await InspectAllAsync(listed.Value, reuse: wholeNode, cancellationToken);
        if (wholeNode)
        {
            ForgetRemoved(listed.Value);
        }
        if (!inspected.IsOk)
        {
            return RuntimeFailures.Failed<IReadOnlyList<RuntimePod>>(inspected.Kind, inspected.Message, RuntimeFailure.EngineError);
        }
        return RuntimeResult<IReadOnlyList<RuntimePod>>.Success(RuntimePodAssembler.Assemble(inspected.Value));
    }

    public async Task<RuntimeResult<SandboxInfo>> RunPodSandboxAsync(PodSandboxConfig pod, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _podStartsInFlight);
        try
        {
            var sandbox = await RunSandboxAsync(pod, cancellationToken);
            if (sandbox.IsOk)
            {
                _sandboxes[pod.Uid] = sandbox.Value!.SandboxId;
            }
            else
            {
                _sandboxes.TryRemove(pod.Uid, out _);
            }
            return sandbox;
        }
        finally
        {
            Interlocked.Decrement(ref _podStartsInFlight);
        }
    }

    private async Task<RuntimeResult<SandboxInfo>> RunSandboxAsync(PodSandboxConfig pod, CancellationToken cancellationToken)
    {
        var listed = await ListSandboxesAsync(pod.Uid, all: true, cancellationToken);
        if (!listed.IsOk)
        {
            return RuntimeFailures.Failed<SandboxInfo>(listed.Kind, listed.Message, RuntimeFailure.CreateFailed);
        }
        var plan = SandboxPlan.For(listed.Value);
        if (plan.Reuse is { } running)
        {
            return await SandboxInfoAsync(running, cancellationToken);
        }
        foreach (var dead in plan.Remove)
        {
            var removed = await _docker.RemoveContainerAsync(dead, force: true, cancellationToken);
            if (removed.Kind == DockerResultKind.EngineUnavailable)
            {
                return RuntimeResult<SandboxInfo>.Failed(RuntimeFailure.EngineUnavailable, removed.Message ?? "");
            }
        }
        if (await TryClaimAsync(pod, plan.NextAttempt, cancellationToken) is { } claimed)
        {
            return RuntimeResult<SandboxInfo>.Success(claimed);
        }
        var request = ContainerRequests.Sandbox(pod, _nodeName, plan.NextAttempt, _options);
        var created = await _docker.CreateContainerAsync(request, cancellationToken);
        if (!created.IsOk)
        {
            return RuntimeResult<SandboxInfo>.Failed(RuntimeFailures.FromCreate(created.Kind), $"sandbox {request.Name}: {created.Message}");
        }
        var started = await _docker.StartContainerAsync(created.Value, cancellationToken);
        if (!started.IsOk)
        {
            return RuntimeFailures.Failed<SandboxInfo>(started.Kind, $"sandbox {request.Name}: {started.Message}", RuntimeFailure.StartFailed);
        }
        return await SandboxInfoAsync(created.Value, cancellationToken);
    }

    public async Task<RuntimeResult> RemovePodAsync(string podUid, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        _sandboxes.TryRemove(podUid, out _);
        var listed = await _docker.ListContainersAsync(all: true, [ContainerLabels.NodeFilter(_nodeName)], ContainerIdentity.PodNamePattern(podUid), cancellationToken);
        if (!listed.IsOk)
        {
            return RuntimeFailures.ToResult(listed.WithoutValue(), RuntimeFailure.EngineError);
        }
        var (sandboxes, containers) = Partition(listed.Value);
        // The sandbox goes last: the containers keep their network until they have stopped. It runs only sleep.
        var stops = await Task.WhenAll(containers.Select(c => _docker.StopContainerAsync(c.Id, gracePeriod, cancellationToken)));
        var sandboxStops = await Task.WhenAll(sandboxes.Select(s => _docker.StopContainerAsync(s.Id, TimeSpan.Zero, cancellationToken)));
        var removals = await Task.WhenAll(listed.Value.Select(c => _docker.RemoveContainerAsync(c.Id, force: true, cancellationToken)));
        return WorstOf([.. stops, .. sandboxStops, .. removals]);
    }

    private static (List<ContainerSummary> Sandboxes, List<ContainerSummary> Containers) Partition(IReadOnlyList<ContainerSummary> pod)
    {
        static bool IsSandbox(ContainerSummary c) => ContainerIdentity.From(c.Names.FirstOrDefault(), c.Labels) is { IsSandbox: true };
        return ([.. pod.Where(IsSandbox)], [.. pod.Where(c => !IsSandbox(c))]);
    }

    /// <summary>
    /// The outcome of tearing a pod down: a container already gone, or already being removed, is what was wanted;
    /// an unreachable engine outranks any other failure.
    /// </summary>
    private static RuntimeResult WorstOf(IReadOnlyList<DockerResult> results)
    {
        var failures = results.Where(r => r.Kind is not (DockerResultKind.Ok or DockerResultKind.NotFound or DockerResultKind.Conflict)).ToList();
        var worst = failures.FirstOrDefault(f => f.Kind == DockerResultKind.EngineUnavailable) ?? failures.FirstOrDefault();
        return worst is null ? RuntimeResult.Ok : RuntimeFailures.ToResult(worst, RuntimeFailure.EngineError);
    }

    /// <summary>One pod's sandboxes, made for it or claimed from the pool, by their names.</summary>
    private Task<DockerResult<IReadOnlyList<ContainerSummary>>> ListSandboxesAsync(string podUid, bool all, CancellationToken cancellationToken) =>
        _docker.ListContainersAsync(all, [ContainerLabels.NodeFilter(_nodeName)], ContainerIdentity.SandboxNamePattern(podUid), cancellationToken);

    private async Task<RuntimeResult<SandboxInfo>> SandboxInfoAsync(string sandboxId, CancellationToken cancellationToken)
    {
        var details = await _docker.InspectContainerAsync(sandboxId, cancellationToken);
        if (!details.IsOk)
        {
            return RuntimeFailures.Failed<SandboxInfo>(details.Kind, details.Message, RuntimeFailure.StartFailed);
        }
        return RuntimeResult<SandboxInfo>.Success(new SandboxInfo(sandboxId, RuntimePodAssembler.PodIP(details.Value) ?? ""));
    }

    /// <summary>Inspects the listed containers, a bounded number at a time; one removed meanwhile is left out.</summary>
    private async Task<DockerResult<IReadOnlyList<ContainerDetails>>> InspectAllAsync(IReadOnlyList<ContainerSummary> containers, bool reuse, CancellationToken cancellationToken)
    {
        var results = new DockerResult<ContainerDetails>[containers.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.InspectConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, containers.Count), parallel, async (i, token) =>
            results[i] = await InspectCachedAsync(containers[i], reuse, token));

        var failed = results.FirstOrDefault(r => !r.IsOk && r.Kind != DockerResultKind.NotFound);
        if (failed is not null)
        {
            return DockerResult<IReadOnlyList<ContainerDetails>>.Failure(failed.Kind, failed.Message ?? failed.Kind.ToString());
        }
        return DockerResult<IReadOnlyList<ContainerDetails>>.Success([.. results.Where(r => r.IsOk).Select(r => r.Value!)]);
    }

    /// <summary>
    /// A container's details change only with its state or its name (a pool sandbox claimed), so an inspection is
    /// reused while the list shows the same state (running or exited) and name: a node's list costs one engine call,
    /// not one per container.
    /// </summary>
    private async Task<DockerResult<ContainerDetails>> InspectCachedAsync(ContainerSummary container, bool reuse, CancellationToken cancellationToken)
    {
        if (reuse && container.State is "exited" or "running" && _inspected.TryGetValue(container.Id, out var known)
            && known.State.Status == container.State && container.Names.Contains(known.Name))
        {
            return DockerResult<ContainerDetails>.Success(known);
        }
        var details = await _docker.InspectContainerAsync(container.Id, cancellationToken);
        if (details.IsOk && details.Value.State.Status is "exited" or "running")
        {
            _inspected[container.Id] = details.Value;
        }
        return details;
    }

    private void ForgetRemoved(IReadOnlyList<ContainerSummary> present)
    {
        var ids = present.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in _inspected.Keys.Where(id => !ids.Contains(id)))
        {
            _inspected.TryRemove(id, out _);
        }
    }
}
