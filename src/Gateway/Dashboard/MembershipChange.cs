namespace Actors.Gateway.Dashboard;

/// <summary>A silo seen in a new status (or first seen, when <see cref="Previous"/> is null).</summary>
public sealed record MembershipChange(DateTimeOffset Time, string Address, string Name, string? Previous, string Status);
