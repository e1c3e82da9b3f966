namespace Actors.Gateway.Dashboard;

/// <summary>Everything one sampling tick computed.</summary>
public sealed record DashboardSample(DateTimeOffset Time, IReadOnlyList<GrainTypeRates> GrainTypes)
{
    public int Activations => GrainTypes.Sum(g => g.Activations);

    public double CallsPerSecond => GrainTypes.Sum(g => g.CallsPerSecond);

    public double ExceptionsPerSecond => GrainTypes.Sum(g => g.ExceptionsPerSecond);

    /// <summary>Weighted by calls, so a busy fast type and an idle slow one average sensibly.</summary>
    public double AverageMs => CallsPerSecond == 0 ? 0 : GrainTypes.Sum(g => g.AverageMs * g.CallsPerSecond) / CallsPerSecond;
}
