namespace Actors.Gateway.Dashboard;

/// <summary><c>GET /dashboard/api/grains/{type}</c>: one type's history and some of its activations on this silo.</summary>
public sealed record GrainTypeResponse(string GrainType, GrainTypeRates? Latest, IReadOnlyList<TotalsPoint> History, IReadOnlyList<string> ActivationIds);
