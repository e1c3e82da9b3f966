using System.Globalization;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// The labels that let the runtime rebuild every pod from the engine alone: the shim's pod and container keys, the
/// owning node and the attempt. The sandbox also carries the pod's own labels, as the shim's did; ours win a clash.
/// </summary>
public static class ContainerLabels
{
    public static IReadOnlyDictionary<string, string> ForSandbox(PodSandboxConfig pod, string nodeName, int attempt)
    {
        var labels = new Dictionary<string, string>(pod.Labels, StringComparer.Ordinal);
        foreach (var (key, value) in Identity(pod, nodeName, PodSandboxConfig.SandboxContainerName, attempt))
        {
            labels[key] = value;
        }
        return labels;
    }

    public static IReadOnlyDictionary<string, string> ForContainer(PodSandboxConfig pod, string nodeName, string containerName, int attempt) =>
        new Dictionary<string, string>(Identity(pod, nodeName, containerName, attempt), StringComparer.Ordinal);

    /// <summary>The engine's label filter for everything a node owns.</summary>
    public static string NodeFilter(string nodeName) => $"{PodSandboxConfig.NodeLabel}={nodeName}";

    /// <summary>The attempt a container was started as; 0 when the label is missing or unreadable.</summary>
    public static int Attempt(IReadOnlyDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(PodSandboxConfig.AttemptLabel, out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
            ? attempt
            : 0;

    private static IEnumerable<KeyValuePair<string, string>> Identity(PodSandboxConfig pod, string nodeName, string containerName, int attempt) =>
    [
        new(PodSandboxConfig.PodUidLabel, pod.Uid),
        new(PodSandboxConfig.PodNamespaceLabel, pod.Namespace),
        new(PodSandboxConfig.PodNameLabel, pod.Name),
        new(PodSandboxConfig.ContainerNameLabel, containerName),
        new(PodSandboxConfig.NodeLabel, nodeName),
        new(PodSandboxConfig.AttemptLabel, attempt.ToString(CultureInfo.InvariantCulture)),
    ];
}
