namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>
/// A container's <c>command</c> and <c>args</c> as the engine's entrypoint and cmd, with Kubernetes' meaning: command
/// replaces the image's ENTRYPOINT and drops its CMD; args alone replace CMD under the image's ENTRYPOINT; an empty
/// list counts as not given.
/// </summary>
public static class KubernetesCommand
{
    public static (IReadOnlyList<string>? Entrypoint, IReadOnlyList<string>? Cmd) ToEngine(IReadOnlyList<string>? command, IReadOnlyList<string>? args)
    {
        var entrypoint = command is { Count: > 0 } ? command : null;
        // An explicit empty CMD: the image's CMD must not run as arguments of a replaced entrypoint.
        var cmd = args is { Count: > 0 } ? args : entrypoint is null ? null : [];
        return (entrypoint, cmd);
    }
}
