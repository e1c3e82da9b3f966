namespace Actors.Grains.Abstractions.Objects;

/// <summary>What a node agent measured for the metrics API: the node's own use and each running pod's containers'.</summary>
/// <param name="CpuNanoCores">CPU in billionths of a core, averaged over the window.</param>
/// <param name="MemoryBytes">Memory working set.</param>
public sealed record NodeUsageReport(DateTimeOffset Timestamp, TimeSpan Window, long CpuNanoCores, long MemoryBytes, PodUsageReport[] Pods);

/// <summary>A pod's running containers' use, each over its own window ending near <see cref="Timestamp"/>.</summary>
public sealed record PodUsageReport(string Namespace, string Name, DateTimeOffset Timestamp, TimeSpan Window, ContainerUsageReport[] Containers);

/// <summary>One container's use.</summary>
public sealed record ContainerUsageReport(string Name, long CpuNanoCores, long MemoryBytes);
