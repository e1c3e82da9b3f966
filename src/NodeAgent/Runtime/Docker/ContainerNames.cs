using System.Globalization;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// Engine container names as Kubernetes' Docker shim chose them, so <c>docker ps</c> reads like on a kubelet node:
/// <c>k8s_&lt;container&gt;_&lt;pod&gt;_&lt;namespace&gt;_&lt;uid&gt;_&lt;attempt&gt;</c>, the sandbox being container <c>POD</c>.
/// </summary>
public static class ContainerNames
{
    public static string Sandbox(PodSandboxConfig pod, int attempt) => Container(pod, PodSandboxConfig.SandboxContainerName, attempt);

    public static string Container(PodSandboxConfig pod, string containerName, int attempt) =>
        string.Join('_', "k8s", containerName, pod.Name, pod.Namespace, pod.Uid, attempt.ToString(CultureInfo.InvariantCulture));
}
