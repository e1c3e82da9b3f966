using System.Text.Json.Serialization;

namespace Actors.NodeAgent.Docker;

/// <summary>
/// One answer of <c>GET /containers/{id}/stats?stream=false</c>: the engine samples twice about a second apart,
/// so <see cref="CpuStats"/> and <see cref="PreCpuStats"/> bound a window ending at <see cref="Read"/>.
/// </summary>
public sealed record ContainerStats
{
    public DateTimeOffset Read { get; init; }

    [JsonPropertyName("preread")]
    public DateTimeOffset PreRead { get; init; }

    [JsonPropertyName("cpu_stats")]
    public CpuStats CpuStats { get; init; } = new();

    [JsonPropertyName("precpu_stats")]
    public CpuStats PreCpuStats { get; init; } = new();

    [JsonPropertyName("memory_stats")]
    public MemoryStats MemoryStats { get; init; } = new();
}
