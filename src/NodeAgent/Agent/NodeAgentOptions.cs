namespace Actors.NodeAgent.Agent;

/// <summary>The agent's periods and back-off: Kubernetes' defaults, shortened by the test profile.</summary>
public sealed record NodeAgentOptions
{
    /// <summary>How often every pod is synced against the engine without a trigger (the kubelet's resync).</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the agent tells its Node grain it is alive (nodeStatusUpdateFrequency).</summary>
    public TimeSpan HeartbeatPeriod { get; init; } = TimeSpan.FromSeconds(10);

    public RestartBackoff Backoff { get; init; } = RestartBackoff.Kubernetes;

    /// <summary>The grace period for containers labelled as ours that no pod wants any more.</summary>
    public TimeSpan OrphanGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the node must have had no pod work before it refills its warm sandbox pool: a burst of starts, or a
    /// restart right after a start, does not share the engine with a refill.
    /// </summary>
    public TimeSpan SandboxPoolRefillDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Where pods' emptyDir, ConfigMap and Secret volumes live on this machine.</summary>
    public string VolumeRoot { get; init; } = Path.Combine(Path.GetTempPath(), "actors-volumes");

    /// <summary>Seconds instead of minutes, for test clusters.</summary>
    public static NodeAgentOptions TestProfile(string volumeRoot) => new()
    {
        ResyncPeriod = TimeSpan.FromSeconds(2),
        HeartbeatPeriod = TimeSpan.FromSeconds(1),
        Backoff = new RestartBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)),
        OrphanGracePeriod = TimeSpan.FromSeconds(2),
        VolumeRoot = volumeRoot,
    };
}
