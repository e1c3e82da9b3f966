using System.Net;
using Actors.Runtime.Membership;

namespace Actors.Runtime.Tests.Membership;

[Trait("Category", "Unit")]
public sealed class DeathVoteTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StaleAge = TimeSpan.FromSeconds(90);

    private static SiloAddress Silo(int port) => new(new IPEndPoint(IPAddress.Loopback, port), 1);

    private static MembershipEntry Suspect(DateTimeOffset iAmAlive, params SuspectVote[] votes) => new()
    {
        SiloAddress = Silo(1),
        Status = SiloStatus.Active,
        SuspectTimes = votes,
        HostName = "h",
        SiloName = "s",
        RoleName = "control-plane",
        StartTime = Now.AddHours(-1),
        IAmAliveTime = iAmAlive,
    };

    public static TheoryData<string, MembershipEntry, int, bool, int> Cases => new()
    {
        // scenario, suspect, active silos, declare dead?, votes afterwards
        { "two silos: one vote suffices", Suspect(Now), 2, true, 1 },
        { "three silos: first vote only suspects", Suspect(Now), 3, false, 1 },
        { "three silos: second fresh vote kills", Suspect(Now, new SuspectVote(Silo(3), Now.AddSeconds(-5))), 3, true, 2 },
        { "expired vote does not count", Suspect(Now, new SuspectVote(Silo(3), Now.AddMinutes(-3))), 3, false, 1 },
        { "own earlier vote is replaced, not doubled", Suspect(Now, new SuspectVote(Silo(2), Now.AddSeconds(-5))), 3, false, 1 },
        { "ten silos need at most two votes", Suspect(Now, new SuspectVote(Silo(3), Now.AddSeconds(-1))), 10, true, 2 },
        { "stale IAmAlive: one vote evicts", Suspect(Now.AddMinutes(-5)), 5, true, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_FollowsOrleansVoteRule(string scenario, MembershipEntry suspect, int active, bool declareDead, int votes)
    {
        var decision = DeathVote.Decide(suspect, Silo(2), active, Now, votesForDeathDeclaration: 2, Expiry, StaleAge);
        Assert.True(declareDead == decision.DeclareDead, scenario);
        Assert.Equal(votes, decision.Votes.Count);
        Assert.Contains(decision.Votes, v => v.Suspecter.Equals(Silo(2)) && v.Time == Now);
    }
}
