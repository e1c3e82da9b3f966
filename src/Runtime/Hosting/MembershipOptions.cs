namespace Actors.Runtime.Hosting;

/// <summary>Orleans' ClusterMembershipOptions; the defaults detect a dead silo in about 15 s.</summary>
public sealed class MembershipOptions
{
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int NumMissedProbesLimit { get; set; } = 3;

    public int NumVotesForDeathDeclaration { get; set; } = 2;

    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan IAmAlivePublishPeriod { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxJoinAttemptTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The test profile of RUNTIME.md: probe 2 s × 3, table refresh 2 s.</summary>
    public static MembershipOptions TestProfile() => new()
    {
        ProbeTimeout = TimeSpan.FromSeconds(2),
        NumMissedProbesLimit = 3,
        IAmAlivePublishPeriod = TimeSpan.FromSeconds(2),
        TableRefreshTimeout = TimeSpan.FromSeconds(2),
        DeathVoteExpirationTimeout = TimeSpan.FromSeconds(20),
        MaxJoinAttemptTime = TimeSpan.FromSeconds(30),
    };

    public IEnumerable<string> Validate()
    {
        if (ProbeTimeout <= TimeSpan.Zero)
        {
            yield return "Membership.ProbeTimeout must be positive.";
        }
        if (NumMissedProbesLimit < 1)
        {
            yield return "Membership.NumMissedProbesLimit must be at least 1.";
        }
        if (NumVotesForDeathDeclaration < 1)
        {
            yield return "Membership.NumVotesForDeathDeclaration must be at least 1.";
        }
        if (TableRefreshTimeout <= TimeSpan.Zero || IAmAlivePublishPeriod <= TimeSpan.Zero)
        {
            yield return "Membership.TableRefreshTimeout and IAmAlivePublishPeriod must be positive.";
        }
    }
}
