namespace Actors.Gateway.Dashboard;

/// <summary><c>GET /dashboard/api/methods?top=N</c>.</summary>
public sealed record MethodsResponse(DateTimeOffset Now, IReadOnlyList<MethodView> ByCalls, IReadOnlyList<MethodView> ByLatency, IReadOnlyList<MethodView> ByErrors);
