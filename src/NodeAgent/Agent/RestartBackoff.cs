namespace Actors.NodeAgent.Agent;

/// <summary>
/// The kubelet's exponential back-off: the first retry is immediate, then base, 2×base, … up to the cap
/// (10 s and 5 min in Kubernetes; seconds in tests).
/// </summary>
public sealed record RestartBackoff(TimeSpan Base, TimeSpan Cap)
{
    public static readonly RestartBackoff Kubernetes = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));

    /// <summary>How long to wait before retry number <paramref name="retry"/> (1 for the first).</summary>
    public TimeSpan Delay(int retry)
    {
        if (retry <= 1)
        {
            return TimeSpan.Zero;
        }
        var exponent = retry - 2;
        // Compared by shifting the cap down, so the doubling reaches the cap however small the base, and never overflows.
        return exponent >= 62 || Base.Ticks > Cap.Ticks >> exponent ? Cap : TimeSpan.FromTicks(Base.Ticks << exponent);
    }
}
