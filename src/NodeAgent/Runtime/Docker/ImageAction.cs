namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>What to do about a container's image before creating it.</summary>
public enum ImageAction
{
    UseLocal,
    Pull,

    /// <summary>Missing, and the pull policy forbids pulling (Kubernetes' ErrImageNeverPull).</summary>
    Refuse,
}
