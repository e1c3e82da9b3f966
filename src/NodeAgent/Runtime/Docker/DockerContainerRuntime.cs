using System.Collections.Concurrent;
using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// The container runtime on a Docker engine, as Kubernetes' Docker shim did it: a pod is a sandbox container that
/// holds the network namespace plus one container per spec container joined to it, all labelled so the pods can be
/// rebuilt from the engine after a restart. Every container carries the owning node's name, and the runtime never
/// lists or touches a container of another node, so several agents can share one engine.
/// </summary>
public sealed partial class DockerContainerRuntime : IContainerRuntime
{
    private readonly IDockerClient _docker;
    private readonly string _nodeName;
    private readonly DockerRuntimeOptions _options;
    private readonly TimeProvider _time;

    // A container's inspection, kept while the engine's list shows it in the same state (see InspectCachedAsync).
    private readonly ConcurrentDictionary<string, ContainerDetails> _inspected = new(StringComparer.Ordinal);

    // The sandbox each pod's containers join, as RunPodSandboxAsync last returned it: a start need not look it up.
    private readonly ConcurrentDictionary<string, string> _sandboxes = new(StringComparer.Ordinal);

    public DockerContainerRuntime(IDockerClient docker, string nodeName, DockerRuntimeOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeName);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }
        _docker = docker;
        _nodeName = nodeName;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
    }

    public async Task<RuntimeInfo> InfoAsync(CancellationToken cancellationToken) =>
        (await TryInfoAsync(cancellationToken)).Value ?? new RuntimeInfo("docker://unknown", 0, 0, "", "", "");

    public async Task<RuntimeResult<RuntimeInfo>> TryInfoAsync(CancellationToken cancellationToken)
    {
        var info = await _docker.InfoAsync(cancellationToken);
        return info.IsOk
            ? RuntimeResult<RuntimeInfo>.Success(RuntimeInfoMapping.From(info.Value))
            : RuntimeFailures.Failed<RuntimeInfo>(info.Kind, info.Message, RuntimeFailure.EngineError);
    }

    public async Task<RuntimeResult<ContainerUsage>> GetUsageAsync(string containerId, CancellationToken cancellationToken)
    {
        var stats = await _docker.GetStatsAsync(containerId, cancellationToken);
        if (!stats.IsOk)
        {
            return RuntimeFailures.Failed<ContainerUsage>(stats.Kind, stats.Message, RuntimeFailure.EngineError);
        }
        var sample = stats.Value;
        var counters = sample.MemoryStats.Stats;
        // cgroup v1 names the hierarchy's inactive page cache total_inactive_file, v2 inactive_file.
        ulong Counter(string name) => counters is not null && counters.TryGetValue(name, out var value) ? value : 0;
        var inactive = Counter("total_inactive_file") is > 0 and var total ? total : Counter("inactive_file");
        return RuntimeResult<ContainerUsage>.Success(ContainerUsage.FromSamples(
            sample.PreCpuStats.CpuUsage.TotalUsage, sample.CpuStats.CpuUsage.TotalUsage, sample.PreRead, sample.Read, sample.MemoryStats.Usage, inactive));
    }

    /// <summary>The engine runs on this machine (its socket is local), so the node's use is this machine's.</summary>
    public Task<NodeUsage> GetNodeUsageAsync(CancellationToken cancellationToken) =>
        Host.ProcUsage.SampleAsync(_time, TimeSpan.FromSeconds(1), cancellationToken);

    /// <summary>Inspects a container this node owns; another node's container is NotFound, as if it were not there.</summary>
    private async Task<DockerResult<ContainerDetails>> InspectOwnedAsync(string containerId, CancellationToken cancellationToken)
    {
        var details = await _docker.InspectContainerAsync(containerId, cancellationToken);
        if (details.IsOk && !IsOwned(details.Value))
        {
            return DockerResult<ContainerDetails>.Failure(DockerResultKind.NotFound, $"container {containerId} does not belong to node {_nodeName}");
        }
        return details;
    }

    private bool IsOwned(ContainerDetails container) =>
        container.Config.Labels is { } labels
        && labels.TryGetValue(PodSandboxConfig.NodeLabel, out var node)
        && node == _nodeName;
}
