namespace Actors.Gateway.Dashboard;

/// <summary>A silo row of the cluster view.</summary>
public sealed record SiloView(
    string Address,
    string Name,
    string Role,
    string Status,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime,
    double UptimeSeconds,
    int Activations,
    int ProxyPort);
