using System.Globalization;
using System.Text.RegularExpressions;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// Which pod container an engine container is. Labels say so for the containers made for a pod; a warm-pool sandbox
/// was made before its pod existed and engine labels never change, so once claimed (renamed to the pod's sandbox name)
/// its name says so: the shim's names split unambiguously on <c>_</c>, which pod, namespace and container names
/// never contain. A pool container still carrying its pool name belongs to no pod.
/// </summary>
public sealed record ContainerIdentity(string PodUid, string PodNamespace, string PodName, string ContainerName, int Attempt)
{
    private static readonly Regex ShimName = new(@"^/?k8s_([^_]+)_([^_]+)_([^_]+)_([^_]+)_([0-9]+)$", RegexOptions.CultureInvariant);

    public bool IsSandbox => ContainerName == PodSandboxConfig.SandboxContainerName;

    /// <summary>The pod container an engine container is, or null when it is none (a warm pool sandbox, a stranger).</summary>
    public static ContainerIdentity? From(string? name, IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is not null && labels.TryGetValue(PodSandboxConfig.PodUidLabel, out var uid) && uid.Length > 0)
        {
            return new ContainerIdentity(
                uid,
                labels.GetValueOrDefault(PodSandboxConfig.PodNamespaceLabel) ?? "",
                labels.GetValueOrDefault(PodSandboxConfig.PodNameLabel) ?? "",
                labels.GetValueOrDefault(PodSandboxConfig.ContainerNameLabel) ?? "",
                ContainerLabels.Attempt(labels));
        }
        if (!SandboxPoolLabels.IsPoolContainer(labels) || name is null || ShimName.Match(name) is not { Success: true } match)
        {
            return null;
        }
        return int.TryParse(match.Groups[5].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
            ? new ContainerIdentity(match.Groups[4].Value, match.Groups[3].Value, match.Groups[2].Value, match.Groups[1].Value, attempt)
            : null;
    }

    /// <summary>A pool sandbox no pod has claimed yet: pool-made and still under its pool name.</summary>
    public static bool IsWarmPoolSandbox(string? name, IReadOnlyDictionary<string, string>? labels) =>
        SandboxPoolLabels.IsPoolContainer(labels) && From(name, labels) is null;

    /// <summary>The engine's name filter for every container of one pod: the shim's names all end in the pod uid and attempt.</summary>
    public static string PodNamePattern(string podUid) => $"^/?k8s_[^_]+_[^_]+_[^_]+_{Regex.Escape(podUid)}_[0-9]+$";

    /// <summary>The engine's name filter for one pod's sandboxes, claimed from the pool or not.</summary>
    public static string SandboxNamePattern(string podUid) =>
        $"^/?k8s_{PodSandboxConfig.SandboxContainerName}_[^_]+_[^_]+_{Regex.Escape(podUid)}_[0-9]+$";
}
