using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// An engine container state in Kubernetes' terms: running, created (never started) or exited with its exit code and
/// the reason Kubernetes shows for it (OOMKilled when the engine says so, Completed for 0, Error otherwise).
/// </summary>
public static class ContainerStatus
{
    public static (RuntimeContainerState State, int? ExitCode, string? Reason) From(ContainerState state) => state.Status switch
    {
        "running" or "paused" or "restarting" => (RuntimeContainerState.Running, null, null),
        "created" => (RuntimeContainerState.Created, null, null),
        _ => (RuntimeContainerState.Exited, state.ExitCode, ExitReason(state)),
    };

    public static string ExitReason(ContainerState state) =>
        state.OOMKilled ? "OOMKilled" : state.ExitCode == 0 ? "Completed" : "Error";

    /// <summary>The engine's zero time (year 1) means "never"; Kubernetes leaves such a time out.</summary>
    public static DateTimeOffset? Time(DateTimeOffset time) => time.Year <= 1 ? null : time;
}
