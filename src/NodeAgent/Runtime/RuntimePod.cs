namespace Actors.NodeAgent.Runtime;

/// <summary>A pod as the engine holds it: its sandbox and every container attempt still present.</summary>
public sealed record RuntimePod(
    string Uid,
    string Namespace,
    string Name,
    string? SandboxId,
    bool SandboxRunning,
    string? PodIP,
    IReadOnlyList<RuntimeContainer> Containers);

/// <summary>One container attempt of a pod.</summary>
public sealed record RuntimeContainer(
    string Id,
    string Name,
    int Attempt,
    RuntimeContainerState State,
    int? ExitCode,
    string? Reason,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string Image,
    string ImageId);

public enum RuntimeContainerState
{
    Created,
    Running,
    Exited,
}
