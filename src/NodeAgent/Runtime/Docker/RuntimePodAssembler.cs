using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// Rebuilds pods from inspected engine containers alone, by their identity (labels, or the name of a sandbox claimed
/// from the pool): one pod per uid, its sandbox the running one (or else the latest attempt), every other container
/// an attempt of a spec container. Containers of no pod (warm pool sandboxes, strangers) are left out.
/// </summary>
public static class RuntimePodAssembler
{
    public static IReadOnlyList<RuntimePod> Assemble(IEnumerable<ContainerDetails> containers) =>
    [
        .. containers
            .Select(c => (Container: c, Identity: Identify(c)))
            .Where(c => c.Identity is not null)
            .GroupBy(c => c.Identity!.PodUid, c => c.Container, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(AssemblePod),
    ];

    /// <summary>The sandbox that speaks for the pod: a running one first, then the latest attempt, then the newest.</summary>
    public static ContainerDetails? ChooseSandbox(IEnumerable<ContainerDetails> sandboxes) =>
        sandboxes
            .OrderByDescending(s => s.State.Running)
            .ThenByDescending(s => Identify(s)?.Attempt ?? 0)
            .ThenByDescending(s => s.Created)
            .FirstOrDefault();

    /// <summary>The pod IP: the address on the default bridge, or else on the first network the sandbox is attached to.</summary>
    public static string? PodIP(ContainerDetails sandbox)
    {
        var settings = sandbox.NetworkSettings;
        if (settings.IPAddress is { Length: > 0 } bridge)
        {
            return bridge;
        }
        return settings.Networks?.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Value.IPAddress).FirstOrDefault(ip => ip.Length > 0);
    }

    public static RuntimeContainer ToRuntimeContainer(ContainerDetails container)
    {
        var (state, exitCode, reason) = ContainerStatus.From(container.State);
        var identity = Identify(container);
        return new RuntimeContainer(
            container.Id,
            identity?.ContainerName ?? "",
            identity?.Attempt ?? 0,
            state,
            exitCode,
            reason,
            ContainerStatus.Time(container.Created),
            ContainerStatus.Time(container.State.StartedAt),
            ContainerStatus.Time(container.State.FinishedAt),
            container.Config.Image,
            container.Image);
    }

    private static RuntimePod AssemblePod(IGrouping<string, ContainerDetails> pod)
    {
        var sandboxes = pod.Where(IsSandbox).ToList();
        var sandbox = ChooseSandbox(sandboxes);
        var running = sandbox?.State.Running == true;
        var identity = sandbox ?? pod.First();
        var containers = pod
            .Where(c => !IsSandbox(c))
            .Select(ToRuntimeContainer)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ThenBy(c => c.Attempt)
            .ToList();
        return new RuntimePod(
            pod.Key,
            Identify(identity)?.PodNamespace ?? "",
            Identify(identity)?.PodName ?? "",
            sandbox?.Id,
            running,
            running ? PodIP(sandbox!) : null,
            containers);
    }

    private static bool IsSandbox(ContainerDetails container) => Identify(container) is { IsSandbox: true };

    private static ContainerIdentity? Identify(ContainerDetails container) => ContainerIdentity.From(container.Name, container.Config.Labels);
}
