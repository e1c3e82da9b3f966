namespace Actors.Grains.Scheduling;

/// <summary>A node taint: effect is NoSchedule, PreferNoSchedule or NoExecute.</summary>
public sealed record Taint(string Key, string? Value, string Effect);
