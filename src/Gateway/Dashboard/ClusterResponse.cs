namespace Actors.Gateway.Dashboard;

/// <summary><c>GET /dashboard/api/cluster</c>.</summary>
public sealed record ClusterResponse(DateTimeOffset Now, IReadOnlyList<SiloView> Silos, IReadOnlyList<MembershipChange> History);
