namespace Actors.Gateway.Dashboard;

/// <summary>Orleans' "methods with most calls / highest latency / most exceptions".</summary>
public sealed record TopMethods(IReadOnlyList<MethodView> ByCalls, IReadOnlyList<MethodView> ByLatency, IReadOnlyList<MethodView> ByErrors)
{
    public static TopMethods Empty { get; } = new([], [], []);
}
