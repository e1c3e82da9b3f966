using System.Text.Json.Serialization;

namespace Actors.NodeAgent.Docker;

/// <summary>A container's CPU time so far, in nanoseconds.</summary>
public sealed record CpuStats
{
    [JsonPropertyName("cpu_usage")]
    public CpuUsage CpuUsage { get; init; } = new();
}

/// <summary>The total of <see cref="CpuStats"/>, over every CPU.</summary>
public sealed record CpuUsage
{
    [JsonPropertyName("total_usage")]
    public ulong TotalUsage { get; init; }
}
