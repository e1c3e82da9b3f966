namespace Actors.Runtime.Membership;

/// <summary>A row of the membership table, with Orleans' columns plus the silo's role.</summary>
public sealed record MembershipEntry
{
    public required SiloAddress SiloAddress { get; init; }

    public required SiloStatus Status { get; init; }

    /// <summary>Who suspected this silo and when; votes older than the expiry do not count.</summary>
    public IReadOnlyList<SuspectVote> SuspectTimes { get; init; } = [];

    /// <summary>The API (gateway) port of the silo, 0 when it serves none.</summary>
    public int ProxyPort { get; init; }

    public required string HostName { get; init; }

    /// <summary>The silo's name; for a node's silo, the node name that pinned grains are keyed by.</summary>
    public required string SiloName { get; init; }

    public required string RoleName { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset IAmAliveTime { get; init; }
}

public readonly record struct SuspectVote(SiloAddress Suspecter, DateTimeOffset Time);

/// <summary>The table's version row: every insert or update of a row bumps it, conditionally.</summary>
public readonly record struct TableVersion(int Version, string VersionEtag)
{
    public TableVersion Next() => new(Version + 1, VersionEtag);
}

/// <summary>A consistent read of the table: every row with its ETag, and the version row.</summary>
public sealed record MembershipTableData(IReadOnlyList<(MembershipEntry Entry, string ETag)> Members, TableVersion Version);
