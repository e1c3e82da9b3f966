namespace Actors.NodeAgent.Agent;

/// <summary>One step the agent takes on the runtime for a pod; the planner decides, the agent carries out.</summary>
public abstract record PodAction
{
    /// <summary>Create (or replace a dead) sandbox for the pod.</summary>
    public sealed record RunSandbox : PodAction;

    /// <summary>Start attempt <see cref="Attempt"/> of a container (init containers too).</summary>
    public sealed record StartContainer(string Name, int Attempt, bool Init) : PodAction;

    /// <summary>Remove an old exited attempt that no log request can ask for any more.</summary>
    public sealed record RemoveContainer(string ContainerId) : PodAction;

    /// <summary>Stop everything of the pod within the grace period and remove it.</summary>
    public sealed record RemovePod(TimeSpan GracePeriod) : PodAction;

    /// <summary>Nothing of a deleted pod is left on the node: tell its grain to let the object go.</summary>
    public sealed record ConfirmDeletion : PodAction;
}
