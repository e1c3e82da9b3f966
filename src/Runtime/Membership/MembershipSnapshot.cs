namespace Actors.Runtime.Membership;

/// <summary>An immutable view of the membership table at one version; newer snapshots have higher versions.</summary>
public sealed class MembershipSnapshot(long version, IReadOnlyList<MembershipEntry> entries)
{
    public static readonly MembershipSnapshot Empty = new(-1, []);

    public long Version { get; } = version;

    public IReadOnlyList<MembershipEntry> Entries { get; } = entries;

    public IEnumerable<MembershipEntry> Active => Entries.Where(e => e.Status == SiloStatus.Active);

    public SiloStatus StatusOf(SiloAddress silo) =>
        Entries.FirstOrDefault(e => e.SiloAddress.Equals(silo))?.Status ?? SiloStatus.None;

    public bool IsActive(SiloAddress silo) => StatusOf(silo) == SiloStatus.Active;

    public IEnumerable<SiloAddress> Dead => Entries.Where(e => e.Status == SiloStatus.Dead).Select(e => e.SiloAddress);
}
