using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// The engine create requests for a pod: the sandbox owns the network (and the hostname, which joined containers
/// share with it; the engine refuses a hostname on them); every other container joins the sandbox's network namespace.
/// </summary>
public static class ContainerRequests
{
    private const long NanoCpusPerMilliCpu = 1_000_000;

    public static ContainerCreateRequest Sandbox(PodSandboxConfig pod, string nodeName, int attempt, DockerRuntimeOptions options) => new()
    {
        Name = ContainerNames.Sandbox(pod, attempt),
        Image = options.SandboxImage,
        Entrypoint = options.SandboxCommand,
        Cmd = [],
        Hostname = pod.Hostname,
        Labels = ContainerLabels.ForSandbox(pod, nodeName, attempt),
        HostConfig = SandboxHostConfig(pod.Namespace, options),
    };

    /// <summary>
    /// A warm pool sandbox: a pod's sandbox made before its pod, for pods of one namespace (the DNS search path), with
    /// the engine's default hostname since the pod's is not known yet.
    /// </summary>
    public static ContainerCreateRequest PoolSandbox(string name, string nodeName, string podNamespace, DockerRuntimeOptions options) => new()
    {
        Name = name,
        Image = options.SandboxImage,
        Entrypoint = options.SandboxCommand,
        Cmd = [],
        Labels = SandboxPoolLabels.For(nodeName, podNamespace),
        HostConfig = SandboxHostConfig(podNamespace, options),
    };

    private static ContainerHostConfig SandboxHostConfig(string podNamespace, DockerRuntimeOptions options) => options.ClusterDns.Count == 0
        ? new ContainerHostConfig { NetworkMode = options.Network }
        : new ContainerHostConfig
        {
            NetworkMode = options.Network,
            Dns = options.ClusterDns,
            // Kubernetes' ClusterFirst search path: short names resolve in the pod's namespace first.
            DnsSearch = [$"{podNamespace}.svc.{options.ClusterDomain}", $"svc.{options.ClusterDomain}", options.ClusterDomain],
            DnsOptions = ["ndots:5"],
        };

    public static ContainerCreateRequest Container(PodSandboxConfig pod, string nodeName, ContainerLaunch container, string sandboxId)
    {
        var (entrypoint, cmd) = KubernetesCommand.ToEngine(container.Command, container.Args);
        return new ContainerCreateRequest
        {
            Name = ContainerNames.Container(pod, container.Name, container.Attempt),
            Image = container.Image,
            Entrypoint = entrypoint,
            Cmd = cmd,
            Env = [.. container.Env.Select(e => $"{e.Key}={e.Value}")],
            WorkingDir = string.IsNullOrEmpty(container.WorkingDir) ? null : container.WorkingDir,
            Labels = ContainerLabels.ForContainer(pod, nodeName, container.Name, container.Attempt),
            OpenStdin = container.Stdio.Stdin,
            StdinOnce = container.Stdio.StdinOnce,
            Tty = container.Stdio.Tty,
            HostConfig = new ContainerHostConfig
            {
                NetworkMode = $"container:{sandboxId}",
                Binds = container.Mounts.Count == 0 ? null : [.. container.Mounts.Select(Bind)],
                NanoCpus = container.CpuLimitMilli * NanoCpusPerMilliCpu,
                Memory = container.MemoryLimitBytes,
            },
        };
    }

    public static string Bind(VolumeMount mount) =>
        mount.ReadOnly ? $"{mount.HostPath}:{mount.ContainerPath}:ro" : $"{mount.HostPath}:{mount.ContainerPath}";
}
