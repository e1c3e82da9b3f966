namespace Actors.Gateway.Dashboard;

/// <summary>How often the dashboard samples the management API and how much history it keeps.</summary>
public sealed class DashboardOptions
{
    /// <summary>One sample a second, as Orleans' dashboard does.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan History { get; set; } = TimeSpan.FromMinutes(5);

    public int MembershipHistoryLimit { get; set; } = 200;

    /// <summary>How many samples <see cref="History"/> holds; at least two, so a rate can be computed.</summary>
    public int SampleCapacity => Math.Max(2, (int)Math.Ceiling(History / SampleInterval));
}
