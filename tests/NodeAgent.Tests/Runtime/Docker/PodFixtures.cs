using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Tests.Runtime.Docker;

/// <summary>Pods and containers for the pure runtime tests.</summary>
internal static class PodFixtures
{
    public static PodSandboxConfig Pod(string uid = "u-1", IReadOnlyDictionary<string, string>? labels = null) =>
        new(uid, "shop", "web-7d9", "node-a", "web-7d9", labels ?? new Dictionary<string, string>());

    public static ContainerLaunch Launch(
        string name = "app",
        IReadOnlyList<string>? command = null,
        IReadOnlyList<string>? args = null,
        IReadOnlyList<VolumeMount>? mounts = null,
        long? cpuMilli = null,
        long? memory = null,
        int attempt = 0) =>
        new(name, "actors/busybox:1", command, args, null, [], mounts ?? [], [], cpuMilli, memory, PullPolicy.IfNotPresent, attempt);
}
