namespace Actors.Grains.Controllers.Nodes;

/// <summary>
/// The node lifecycle controller's timings: Kubernetes' node-monitor-grace-period (40 s) before a silent node
/// is NotReady, and the time after which its pods are evicted (5 min); seconds in the test profile.
/// </summary>
public sealed record NodeLifecycleOptions
{
    public TimeSpan MonitorGracePeriod { get; init; } = TimeSpan.FromSeconds(40);

    public TimeSpan PodEvictionTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a Node grain checks its heartbeat.</summary>
    public TimeSpan MonitorPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A heartbeat that changes nothing is still written this often, so lastHeartbeatTime stays honest.</summary>
    public TimeSpan StatusReportPeriod { get; init; } = TimeSpan.FromMinutes(1);

    public static NodeLifecycleOptions TestProfile() => new()
    {
        MonitorGracePeriod = TimeSpan.FromSeconds(5),
        PodEvictionTimeout = TimeSpan.FromSeconds(3),
        MonitorPeriod = TimeSpan.FromSeconds(1),
        StatusReportPeriod = TimeSpan.FromSeconds(30),
    };
}
