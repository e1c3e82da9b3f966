namespace Actors.Gateway.Dashboard;

/// <summary>A silo row of the cluster view; CPU and memory are null when the silo did not answer the last sample.</summary>
public sealed record SiloView(
    string Address,
    string Name,
    string Role,
    string Status,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime,
    double UptimeSeconds,
    int Activations,
    int ProxyPort,
    double? CpuPercent = null,
    long? MemoryBytes = null);
