namespace Actors.Runtime.Membership;

/// <summary>
/// Orleans' membership table contract. <see cref="InsertRowAsync"/> and <see cref="UpdateRowAsync"/> are
/// one transaction each: bump the version row only if it still equals <c>version.Version - 1</c>, then write
/// the row (an update only where its ETag matches); any mismatch rolls back and returns false.
/// </summary>
public interface IMembershipTable
{
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken);

    Task<MembershipTableData> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken);

    Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken);

    Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken);

    /// <summary>A plain update of the row's IAmAliveTime; it never changes the table version.</summary>
    Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes Dead rows whose IAmAliveTime is older than <paramref name="beforeDate"/>.</summary>
    Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken);
}
