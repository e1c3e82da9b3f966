namespace Actors.NodeAgent.Runtime.Docker;

/// <summary>How the Docker runtime builds pod sandboxes; the defaults suit the local engine deploy/ prepares.</summary>
public sealed record DockerRuntimeOptions
{
    /// <summary>The image every sandbox runs; local (built by deploy/ with <c>docker import</c>), never pulled.</summary>
    public string SandboxImage { get; init; } = "actors/busybox:1";

    /// <summary>What the sandbox runs: nothing, for as long as possible, so it holds the pod's network namespace.</summary>
    public IReadOnlyList<string> SandboxCommand { get; init; } = ["sleep", "2147483647"];

    /// <summary>The engine network sandboxes join; the pod IP is the sandbox's address on it.</summary>
    public string Network { get; init; } = "bridge";

    /// <summary>
    /// The cluster DNS servers pods use (the bridge gateway, where the node serves cluster DNS); empty leaves the
    /// engine's default resolv.conf. Set on the sandbox only: containers that join it share its resolv.conf.
    /// </summary>
    public IReadOnlyList<string> ClusterDns { get; init; } = [];

    /// <summary>The cluster's DNS domain, the base of a pod's search path.</summary>
    public string ClusterDomain { get; init; } = "cluster.local";

    /// <summary>
    /// How many started sandboxes the node keeps warm for pods to claim, so a new pod's start path skips making its
    /// network namespace (the engine's slowest step); 0 turns the pool off. Small and fixed: every one is an idle container.
    /// </summary>
    public int SandboxPoolSize { get; init; }

    /// <summary>The most warm sandboxes a node may keep.</summary>
    public const int MaxSandboxPoolSize = 32;

    /// <summary>How many containers ListPodsAsync inspects at once; bounded so a big node does not flood the engine.</summary>
    public int InspectConcurrency { get; init; } = 8;

    /// <summary>The first wait before the event watch reconnects to the engine; it doubles while the engine stays away.</summary>
    public TimeSpan WatchRetryInitial { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The cap on that wait while the engine stays away.</summary>
    public TimeSpan WatchRetryMax { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Every field that is wrong, for start-up validation; empty when the options can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(SandboxImage))
        {
            problems.Add("DockerRuntimeOptions.SandboxImage must not be empty");
        }
        if (SandboxCommand is not { Count: > 0 })
        {
            problems.Add("DockerRuntimeOptions.SandboxCommand must not be empty");
        }
        if (string.IsNullOrWhiteSpace(Network))
        {
            problems.Add("DockerRuntimeOptions.Network must not be empty");
        }
        if (string.IsNullOrWhiteSpace(ClusterDomain))
        {
            problems.Add("DockerRuntimeOptions.ClusterDomain must not be empty");
        }
        if (SandboxPoolSize is < 0 or > MaxSandboxPoolSize)
        {
            problems.Add($"DockerRuntimeOptions.SandboxPoolSize must be between 0 and {MaxSandboxPoolSize} (was {SandboxPoolSize})");
        }
        if (InspectConcurrency < 1)
        {
            problems.Add($"DockerRuntimeOptions.InspectConcurrency must be at least 1 (was {InspectConcurrency})");
        }
        if (WatchRetryInitial <= TimeSpan.Zero || WatchRetryMax < WatchRetryInitial)
        {
            problems.Add($"DockerRuntimeOptions.WatchRetryInitial must be positive and at most WatchRetryMax (were {WatchRetryInitial}, {WatchRetryMax})");
        }
        return problems;
    }
}
