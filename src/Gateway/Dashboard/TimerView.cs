namespace Actors.Gateway.Dashboard;

/// <summary>A grain timer; a period of -1 ms is Orleans' "no period" (one shot).</summary>
public sealed record TimerView(double DueTimeMs, double PeriodMs, bool Interleave, bool KeepAlive, long Ticks);
