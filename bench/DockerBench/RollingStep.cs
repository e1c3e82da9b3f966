namespace Actors.DockerBench;

/// <summary>
/// One round of a Deployment's rolling update, as the Deployment controller decides it: start as many new
/// containers as maxSurge allows and stop as many old ones as maxUnavailable allows, counting only running ones
/// as available. The raw-docker column replays these rounds by hand.
/// </summary>
internal static class RollingStep
{
    public static (int Start, int Stop) Next(int desired, int old, int updated, int maxSurge, int maxUnavailable)
    {
        var start = Math.Max(0, Math.Min(desired + maxSurge - (old + updated), desired - updated));
        var stop = Math.Max(0, Math.Min(old, old + updated - (desired - maxUnavailable)));
        return (start, stop);
    }

    /// <summary>Kubernetes' rounding of 25%: surge rounds up, unavailable rounds down.</summary>
    public static (int MaxSurge, int MaxUnavailable) Quarter(int desired) => ((desired + 3) / 4, desired / 4);
}
