using System.Security.Cryptography;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// The warm sandbox pool: started sandboxes that belong to no pod, labelled as the node's pool containers. A pod
/// claims one by renaming it to its own sandbox name — one cheap engine call instead of making a network namespace —
/// and the name is the durable record of the claim (labels cannot change), so a restarted agent tells claimed
/// sandboxes (pod containers, by name) from warm ones (still under their pool name). Warm ones are handed out from
/// memory only, so no two pods can claim the same one.
/// </summary>
public sealed partial class DockerContainerRuntime
{
    private readonly Lock _poolLock = new();
    private readonly List<WarmSandbox> _warm = [];

    // Handed to a pod but perhaps not yet renamed: a refill must not count or remove them.
    private readonly HashSet<string> _claiming = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refilling = new(1, 1);
    private string _poolNamespace = "default";
    private int _podStartsInFlight;

    private sealed record WarmSandbox(string Id, string Namespace, string PodIP);

    public SandboxPoolStatus SandboxPool
    {
        get
        {
            lock (_poolLock)
            {
                return new SandboxPoolStatus(_options.SandboxPoolSize, _warm.Count);
            }
        }
    }

    public async Task RefillSandboxPoolAsync(CancellationToken cancellationToken)
    {
        if (!await _refilling.WaitAsync(0, cancellationToken))
        {
            return;
        }
        try
        {
            await RefillAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The node is stopping: what is warm stays for RemoveSandboxPoolAsync.
        }
        finally
        {
            _refilling.Release();
        }
    }

    public async Task RemoveSandboxPoolAsync(CancellationToken cancellationToken)
    {
        await _refilling.WaitAsync(cancellationToken);
        try
        {
            var listed = await _docker.ListContainersAsync(all: true, SandboxPoolLabels.Filters(_nodeName), cancellationToken);
            if (!listed.IsOk)
            {
                return;
            }
            lock (_poolLock)
            {
                _warm.Clear();
            }
            var warm = listed.Value.Where(c => ContainerIdentity.IsWarmPoolSandbox(c.Names.FirstOrDefault(), c.Labels));
            await Task.WhenAll(warm.Select(c => _docker.RemoveContainerAsync(c.Id, force: true, cancellationToken)));
        }
        finally
        {
            _refilling.Release();
        }
    }

    private async Task RefillAsync(CancellationToken cancellationToken)
    {
        var listed = await _docker.ListContainersAsync(all: true, SandboxPoolLabels.Filters(_nodeName), cancellationToken);
        if (!listed.IsOk)
        {
            return;
        }
        SandboxPoolPlan plan;
        HashSet<string> known;
        lock (_poolLock)
        {
            // A claim the list already shows under its pod's name is done; one it does not show at all has gone.
            var stillWarm = listed.Value.Where(c => ContainerIdentity.IsWarmPoolSandbox(c.Names.FirstOrDefault(), c.Labels)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            _claiming.RemoveWhere(id => !stillWarm.Contains(id));
            var members = listed.Value
                .Where(c => stillWarm.Contains(c.Id) && !_claiming.Contains(c.Id))
                .Select(c => new PoolMember(c.Id, c.Labels?.GetValueOrDefault(SandboxPoolLabels.NamespaceLabel) ?? "", c.State == "running"))
                .ToList();
            plan = SandboxPoolPlan.For(_options.SandboxPoolSize, _poolNamespace, members);
            var keep = plan.Keep.ToHashSet(StringComparer.Ordinal);
            _warm.RemoveAll(w => !keep.Contains(w.Id));
            known = _warm.Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        }
        await Task.WhenAll(plan.Remove.Select(id => _docker.RemoveContainerAsync(id, force: true, cancellationToken)));
        // Kept ones this process did not make (an earlier run's) need their address before a pod can take them.
        foreach (var id in plan.Keep.Where(id => !known.Contains(id)))
        {
            var details = await _docker.InspectContainerAsync(id, cancellationToken);
            if (details.IsOk && details.Value.State.Running && RuntimePodAssembler.PodIP(details.Value) is { } ip)
            {
                AddWarm(new WarmSandbox(id, details.Value.Config.Labels?.GetValueOrDefault(SandboxPoolLabels.NamespaceLabel) ?? "", ip));
            }
        }
        for (var i = 0; i < plan.Create && Volatile.Read(ref _podStartsInFlight) == 0; i++)
        {
            if (await CreateWarmAsync(cancellationToken) is not { } made)
            {
                return;
            }
            AddWarm(made);
        }
    }

    private void AddWarm(WarmSandbox sandbox)
    {
        lock (_poolLock)
        {
            _warm.Add(sandbox);
        }
    }

    private async Task<WarmSandbox?> CreateWarmAsync(CancellationToken cancellationToken)
    {
        string podNamespace;
        lock (_poolLock)
        {
            podNamespace = _poolNamespace;
        }
        var request = ContainerRequests.PoolSandbox(PoolContainerName(), _nodeName, podNamespace, _options);
        var created = await _docker.CreateContainerAsync(request, cancellationToken);
        if (!created.IsOk)
        {
            return null;
        }
        var started = await _docker.StartContainerAsync(created.Value, cancellationToken);
        var details = started.IsOk ? await _docker.InspectContainerAsync(created.Value, cancellationToken) : null;
        if (details is not { IsOk: true } || RuntimePodAssembler.PodIP(details.Value) is not { } ip)
        {
            await _docker.RemoveContainerAsync(created.Value, force: true, cancellationToken);
            return null;
        }
        return new WarmSandbox(created.Value, podNamespace, ip);
    }

    /// <summary>Unique per container and never a shim name, so it can never be taken for a pod's container.</summary>
    private string PoolContainerName() => $"actors-pool_{_nodeName}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";

    /// <summary>
    /// Gives the pod a warm sandbox when one fits (its namespace, a pod that does not need its own hostname), renamed
    /// to the pod's sandbox name; null when none fits or the rename failed, and the pod makes its own.
    /// </summary>
    private async Task<SandboxInfo?> TryClaimAsync(PodSandboxConfig pod, int attempt, CancellationToken cancellationToken)
    {
        if (!SandboxPoolPlan.MayClaim(_options.SandboxPoolSize, pod))
        {
            return null;
        }
        WarmSandbox? warm;
        lock (_poolLock)
        {
            // The pool follows the namespace pods start in: refills make sandboxes with that DNS search path.
            _poolNamespace = pod.Namespace;
            warm = _warm.FirstOrDefault(w => w.Namespace == pod.Namespace);
            if (warm is null)
            {
                return null;
            }
            _warm.Remove(warm);
            _claiming.Add(warm.Id);
        }
        var renamed = await _docker.RenameContainerAsync(warm.Id, ContainerNames.Sandbox(pod, attempt), cancellationToken);
        if (!renamed.IsOk)
        {
            await _docker.RemoveContainerAsync(warm.Id, force: true, cancellationToken);
            return null;
        }
        return new SandboxInfo(warm.Id, warm.PodIP);
    }

    /// <summary>A warm sandbox that died (killed, engine trouble) is no longer handed out.</summary>
    private void ForgetWarm(string containerId)
    {
        lock (_poolLock)
        {
            _warm.RemoveAll(w => w.Id == containerId);
        }
    }
}
