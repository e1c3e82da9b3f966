namespace Actors.NodeAgent.Docker;

/// <summary>
/// A container's memory: <see cref="Usage"/> counts the page cache too; <see cref="Stats"/> holds the cgroup's
/// counters (<c>total_inactive_file</c> on cgroup v1, <c>inactive_file</c> on v2).
/// </summary>
public sealed record MemoryStats
{
    public ulong Usage { get; init; }

    public Dictionary<string, ulong>? Stats { get; init; }
}
