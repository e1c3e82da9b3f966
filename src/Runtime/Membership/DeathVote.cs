namespace Actors.Runtime.Membership;

/// <summary>
/// Orleans' vote rule as a pure function: a suspected silo is declared Dead when the fresh votes, with this
/// silo's, reach <c>min(NumVotesForDeathDeclaration, (active + 1) / 2)</c>; otherwise this silo adds its vote.
/// A silo that has not updated IAmAlive for several periods needs only one vote (a cold start after total
/// loss must be able to evict its predecessors alone).
/// </summary>
public static class DeathVote
{
    public readonly record struct Decision(bool DeclareDead, IReadOnlyList<SuspectVote> Votes);

    public static Decision Decide(
        MembershipEntry suspect,
        SiloAddress voter,
        int activeSilos,
        DateTimeOffset now,
        int votesForDeathDeclaration,
        TimeSpan voteExpiration,
        TimeSpan staleIAmAliveAge)
    {
        var fresh = suspect.SuspectTimes
            .Where(v => now - v.Time < voteExpiration && !v.Suspecter.Equals(voter))
            .Append(new SuspectVote(voter, now))
            .ToArray();
        var required = Math.Max(1, Math.Min(votesForDeathDeclaration, (activeSilos + 1) / 2));
        if (now - suspect.IAmAliveTime >= staleIAmAliveAge)
        {
            required = 1;
        }
        return new Decision(fresh.Length >= required, fresh);
    }
}
