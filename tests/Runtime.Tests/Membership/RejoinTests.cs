using System.Net;
using Actors.Runtime.Hosting;
using Actors.Runtime.Membership;
using Actors.Runtime.Tests.Sql;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Runtime.Tests.Membership;

/// <summary>A silo that starts again on its old endpoint marks its previous life Dead, even when a peer's write wins the first try.</summary>
[Trait("Category", "Unit")]
public sealed class RejoinTests(SqliteBackend backend) : IClassFixture<SqliteBackend>
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_previous_generation_is_marked_Dead_though_a_peer_wrote_the_table_in_between()
    {
        var table = (await backend.NewClusterAsync()).MembershipTable;
        await table.InitializeAsync(Ct);
        var endpoint = new IPEndPoint(IPAddress.Loopback, 11111);
        Assert.True(await table.InsertRowAsync(Entry(new SiloAddress(endpoint, 1), "old"), new TableVersion(1, "0"), Ct));
        // Another silo's row, Dead so that joining probes nobody; what matters is that writing it moves the table version.
        Assert.True(await table.InsertRowAsync(Entry(new SiloAddress(new IPEndPoint(IPAddress.Loopback, 22222), 1), "peer") with { Status = SiloStatus.Dead }, new TableVersion(2, "1"), Ct));
        var racing = new PeerWritesFirst(table);

        await using var membership = new MembershipService(racing, Entry(new SiloAddress(endpoint, 2), "new"), MembershipOptions.TestProfile(), TimeProvider.System, NullLogger<MembershipService>.Instance)
        {
            OnDeclaredDead = _ => { },
        };
        await membership.JoinAsync(Ct);

        Assert.True(racing.PeerWrote);
        var rows = (await table.ReadAllAsync(Ct)).Members.Select(m => m.Entry).ToList();
        Assert.Equal(SiloStatus.Dead, rows.Single(e => e.SiloAddress.Generation == 1 && e.SiloAddress.Endpoint.Equals(endpoint)).Status);
        Assert.Equal(SiloStatus.Active, rows.Single(e => e.SiloAddress.Generation == 2).Status);
    }

    private static MembershipEntry Entry(SiloAddress silo, string name) => new()
    {
        SiloAddress = silo,
        Status = SiloStatus.Active,
        HostName = "host",
        SiloName = name,
        RoleName = "",
        StartTime = Start,
        IAmAliveTime = Start,
    };

    /// <summary>The first Dead mark races another write to the table just before it, so the conditional update loses.</summary>
    private sealed class PeerWritesFirst(IMembershipTable inner) : IMembershipTable
    {
        public bool PeerWrote { get; private set; }

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

        public Task<MembershipTableData> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken) => inner.ReadRowAsync(silo, cancellationToken);

        public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken) => inner.InsertRowAsync(entry, version, cancellationToken);

        public async Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken)
        {
            if (!PeerWrote && entry.Status == SiloStatus.Dead)
            {
                PeerWrote = true;
                var data = await inner.ReadAllAsync(cancellationToken);
                var peer = data.Members.Single(m => m.Entry.SiloName == "peer");
                Assert.True(await inner.UpdateRowAsync(peer.Entry with { IAmAliveTime = Start.AddSeconds(1) }, peer.ETag, data.Version.Next(), cancellationToken));
            }
            return await inner.UpdateRowAsync(entry, etag, version, cancellationToken);
        }

        public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) => inner.UpdateIAmAliveAsync(entry, cancellationToken);

        public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken) => inner.CleanupDefunctSiloEntriesAsync(beforeDate, cancellationToken);
    }
}
