namespace Actors.Grains.Controllers.Ownership;

/// <summary>The objects an owner controls and keeps, the orphans it adopts, and the ones it lets go.</summary>
public sealed record ClaimPlan(IReadOnlyList<string> Keep, IReadOnlyList<string> Adopt, IReadOnlyList<string> Release);
