namespace Actors.Runtime;

/// <summary>A timer as the management API shows it.</summary>
public sealed record GrainTimerInfo(TimeSpan DueTime, TimeSpan Period, bool Interleave, bool KeepAlive, long Ticks);
