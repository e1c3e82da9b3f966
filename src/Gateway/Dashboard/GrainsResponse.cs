namespace Actors.Gateway.Dashboard;

/// <summary><c>GET /dashboard/api/grains</c>: the latest rates per grain type and the totals' history for charts.</summary>
public sealed record GrainsResponse(
    DateTimeOffset Now,
    double SampleIntervalSeconds,
    TotalsPoint Totals,
    IReadOnlyList<GrainTypeRates> GrainTypes,
    IReadOnlyList<TotalsPoint> History);
