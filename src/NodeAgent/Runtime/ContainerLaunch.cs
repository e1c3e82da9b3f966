namespace Actors.NodeAgent.Runtime;

/// <summary>
/// One container to start, with everything already resolved by the agent: environment values (literal, from
/// ConfigMaps, Secrets, the pod's fields), volumes as host directories, CPU and memory limits.
/// </summary>
public sealed record ContainerLaunch(
    string Name,
    string Image,
    IReadOnlyList<string>? Command,
    IReadOnlyList<string>? Args,
    string? WorkingDir,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    IReadOnlyList<VolumeMount> Mounts,
    IReadOnlyList<int> Ports,
    long? CpuLimitMilli,
    long? MemoryLimitBytes,
    PullPolicy PullPolicy,
    int Attempt,
    ContainerStdio Stdio = default);

/// <summary>A container's stdin and terminal, for a later attach: the spec's <c>stdin</c>, <c>stdinOnce</c> and <c>tty</c>.</summary>
public readonly record struct ContainerStdio(bool Stdin, bool StdinOnce, bool Tty);

/// <summary>A host directory or file bound into the container.</summary>
public sealed record VolumeMount(string HostPath, string ContainerPath, bool ReadOnly);

/// <summary>imagePullPolicy: a local image is always used when present; Always and IfNotPresent may pull a missing one.</summary>
public enum PullPolicy
{
    IfNotPresent,
    Always,
    Never,
}
