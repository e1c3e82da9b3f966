using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// Whether an engine event makes the agent read its pod from the engine again. Every start the agent makes raises
/// one; re-reading for each (a list and an inspect per container) would double the engine's work per pod.
/// </summary>
public static class EngineEventTriage
{
    /// <param name="busy">The pod has work in flight, which re-reads the pod when it ends.</param>
    /// <param name="observed">The pod as the agent last read it.</param>
    /// <param name="startedContainerId">The container, when the event is a start; null for a death or a removal.</param>
    public static bool NeedsRefresh(bool busy, RuntimePod? observed, string? startedContainerId) =>
        !busy && !(startedContainerId is not null && observed is not null && ShowsRunning(observed, startedContainerId));

    private static bool ShowsRunning(RuntimePod observed, string containerId) =>
        (observed.SandboxId == containerId && observed.SandboxRunning)
        || observed.Containers.Any(c => c.Id == containerId && c.State == RuntimeContainerState.Running);
}
