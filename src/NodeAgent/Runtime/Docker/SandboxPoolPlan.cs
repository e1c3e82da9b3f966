namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>A warm pool sandbox as the refill sees it on the engine.</summary>
public sealed record PoolMember(string Id, string Namespace, bool Running);

/// <summary>
/// What a refill does to the warm pool: dead members and members made for another namespace (their DNS search path
/// is wrong for the pods now starting) go, running ones beyond the configured size go, and enough are made to reach
/// the size. Size 0 therefore removes every warm sandbox, leftovers of an earlier run included.
/// </summary>
public sealed record SandboxPoolPlan(int Create, IReadOnlyList<string> Keep, IReadOnlyList<string> Remove)
{
    public static SandboxPoolPlan For(int size, string targetNamespace, IReadOnlyList<PoolMember> warm)
    {
        var keep = warm.Where(m => m.Running && m.Namespace == targetNamespace).Take(Math.Max(0, size)).Select(m => m.Id).ToList();
        var remove = warm.Select(m => m.Id).Except(keep, StringComparer.Ordinal).ToList();
        return new SandboxPoolPlan(Math.Max(0, size) - keep.Count, keep, remove);
    }

    /// <summary>
    /// Whether a pod may take a warm sandbox. Its hostname was fixed when the pool made it (the engine gives joined
    /// containers their network owner's hostname and cannot change it), so a pod that asks for a hostname of its own
    /// (spec.hostname or spec.subdomain, as StatefulSet pods do) gets a sandbox made for it.
    /// </summary>
    public static bool MayClaim(int size, PodSandboxConfig pod) => size > 0 && !pod.HostnameRequested;
}
