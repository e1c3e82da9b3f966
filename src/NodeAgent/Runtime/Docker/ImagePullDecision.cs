namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// Whether to pull: a local image is always used as it is (the engine here has no registry, and pulling what is
/// present only risks failing); a missing one is pulled unless the policy is Never.
/// </summary>
public static class ImagePullDecision
{
    public static ImageAction Decide(bool presentLocally, PullPolicy policy) => (presentLocally, policy) switch
    {
        (true, _) => ImageAction.UseLocal,
        (false, PullPolicy.Never) => ImageAction.Refuse,
        _ => ImageAction.Pull,
    };
}
