using System.Net;
using Actors.Runtime.Membership;
using Actors.Runtime.Sql;

namespace Actors.Runtime.Tests.Sql;

/// <summary>
/// Orleans' membership table contract (MembershipTableTestsBase, RUNTIME.md section 10 item 1 and 12.9
/// scenario 7), run on every SQL backend.
/// </summary>
public abstract class MembershipTableConformanceTests(SqlBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, 123, TimeSpan.Zero);

    private IMembershipTable _table = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _table = (await backend.NewClusterAsync()).MembershipTable;
        await _table.InitializeAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ReadAll_NewTable_IsEmptyAtVersionZero()
    {
        var data = await _table.ReadAllAsync(Ct);

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
    }

    [Fact]
    public async Task Initialize_Again_KeepsVersionAndRows()
    {
        Assert.True(await _table.InsertRowAsync(Entry(1), new TableVersion(1, "0"), Ct));

        await _table.InitializeAsync(Ct);

        var data = await _table.ReadAllAsync(Ct);
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task InsertRow_ThenRead_ReturnsEveryColumn()
    {
        var suspecter = Silo(9);
        var entry = Entry(1) with
        {
            Status = SiloStatus.Joining,
            ProxyPort = 30001,
            RoleName = "worker",
            SuspectTimes = [new SuspectVote(suspecter, Start.AddSeconds(5)), new SuspectVote(Silo(8), Start.AddSeconds(6))],
        };
        var version = (await _table.ReadAllAsync(Ct)).Version;

        Assert.True(await _table.InsertRowAsync(entry, version.Next(), Ct));

        var all = await _table.ReadAllAsync(Ct);
        var (read, etag) = Assert.Single(all.Members);
        AssertSameEntry(entry, read);
        Assert.Equal(1, all.Version.Version);
        Assert.False(string.IsNullOrEmpty(etag));
        var row = await _table.ReadRowAsync(entry.SiloAddress, Ct);
        AssertSameEntry(entry, Assert.Single(row.Members).Entry);
        Assert.Equal(1, row.Version.Version);
    }

    [Fact]
    public async Task ReadRow_UnknownSilo_ReturnsNoRowsButTheVersion()
    {
        Assert.True(await _table.InsertRowAsync(Entry(1), new TableVersion(1, "0"), Ct));

        var row = await _table.ReadRowAsync(Silo(2), Ct);

        Assert.Empty(row.Members);
        Assert.Equal(1, row.Version.Version);
    }

    [Fact]
    public async Task Times_AreKeptToTheMillisecond()
    {
        var precise = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_234_5678);
        Assert.True(await _table.InsertRowAsync(Entry(1) with { StartTime = precise, IAmAliveTime = precise }, new TableVersion(1, "0"), Ct));

        var read = Assert.Single((await _table.ReadAllAsync(Ct)).Members).Entry;

        var expected = new DateTimeOffset(precise.UtcTicks - precise.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        Assert.Equal(expected, read.StartTime);
        Assert.Equal(expected, read.IAmAliveTime);
    }

    [Fact]
    public async Task InsertRow_StaleVersion_IsRejectedAndChangesNothing()
    {
        Assert.True(await _table.InsertRowAsync(Entry(1), new TableVersion(1, "0"), Ct));

        Assert.False(await _table.InsertRowAsync(Entry(2), new TableVersion(1, "0"), Ct));

        var data = await _table.ReadAllAsync(Ct);
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task InsertRow_ExistingRow_IsRejectedAndRollsBackTheVersion()
    {
        Assert.True(await _table.InsertRowAsync(Entry(1), new TableVersion(1, "0"), Ct));

        Assert.False(await _table.InsertRowAsync(Entry(1) with { Status = SiloStatus.Dead }, new TableVersion(2, "1"), Ct));

        var data = await _table.ReadAllAsync(Ct);
        Assert.Equal(1, data.Version.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(data.Members).Entry.Status);
    }

    [Fact]
    public async Task UpdateRow_CurrentVersionAndEtag_WritesTheRowAndBumpsTheVersion()
    {
        Assert.True(await _table.InsertRowAsync(Entry(1), new TableVersion(1, "0"), Ct));
        var data = await _table.ReadAllAsync(Ct);
        var (entry, etag) = Assert.Single(data.Members);
        var updated = entry with { Status = SiloStatus.Dead, SuspectTimes = [new SuspectVote(Silo(2), Start)] };

        Assert.True(await _table.UpdateRowAsync(updated, etag, data.Version.Next(), Ct));

        var after = await _table.ReadAllAsync(Ct);
        Assert.Equal(2, after.Version.Version);
        AssertSameEntry(updated, Assert.Single(after.Members).Entry);
    }

    [Fact]
    public async Task UpdateRow_StaleVersionOrEtag_IsRejected()
    {
        Assert.True(await _table.InsertRowAsync(Entry(1), new TableVersion(1, "0"), Ct));
        var old = await _table.ReadAllAsync(Ct);
        var (entry, oldEtag) = Assert.Single(old.Members);
        Assert.True(await _table.InsertRowAsync(Entry(2), old.Version.Next(), Ct));
        var current = await _table.ReadAllAsync(Ct);
        var dead = entry with { Status = SiloStatus.Dead };

        Assert.False(await _table.UpdateRowAsync(dead, oldEtag, old.Version.Next(), Ct));
        Assert.False(await _table.UpdateRowAsync(dead, oldEtag, current.Version.Next(), Ct));

        var after = await _table.ReadAllAsync(Ct);
        Assert.Equal(2, after.Version.Version);
        Assert.All(after.Members, member => Assert.Equal(SiloStatus.Active, member.Entry.Status));
    }

    [Fact]
    public async Task UpdateRow_MissingRow_IsRejectedAndRollsBackTheVersion()
    {
        Assert.False(await _table.UpdateRowAsync(Entry(1), "0", new TableVersion(1, "0"), Ct));

        Assert.Equal(0, (await _table.ReadAllAsync(Ct)).Version.Version);
    }

    [Fact]
    public async Task ParallelInsertsOfOneRow_ExactlyOneWins_ThenContendingUpdatesEachBumpTheVersionOnce()
    {
        var inserts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _table.InsertRowAsync(Entry(1), new TableVersion(1, "0"), Ct)));

        Assert.Single(inserts, won => won);
        Assert.Equal(1, (await _table.ReadAllAsync(Ct)).Version.Version);

        var attempts = 0;
        await Task.WhenAll(Enumerable.Range(0, 19).Select(async i =>
        {
            while (true)
            {
                Interlocked.Increment(ref attempts);
                var data = await _table.ReadRowAsync(Silo(1), Ct);
                var (entry, etag) = Assert.Single(data.Members);
                var updated = entry with { HostName = "host-" + i };
                if (await _table.UpdateRowAsync(updated, etag, data.Version.Next(), Ct))
                {
                    return;
                }
            }
        }));

        var final = await _table.ReadAllAsync(Ct);
        Assert.Equal(20, final.Version.Version);
        Assert.True(attempts >= 19);
    }

    [Fact]
    public async Task ParallelConditionalWritesAtOneVersion_ExactlyOneWinsAndTheVersionMovesByOne()
    {
        var version = (await _table.ReadAllAsync(Ct)).Version;

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(port => _table.InsertRowAsync(Entry(port), version.Next(), Ct)));

        Assert.Single(results, won => won);
        var data = await _table.ReadAllAsync(Ct);
        Assert.Equal(version.Version + 1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task ParallelConditionalWritesFromSeparateSiloProcesses_ExactlyOneWins()
    {
        var (database, openAnother) = await backend.CreateEmptyDatabaseAsync();
        const string cluster = "separate-handles";
        await (await SqlStores.CreateAsync(database, cluster, Ct)).MembershipTable.InitializeAsync(Ct);
        var silos = new List<IMembershipTable>();
        for (var i = 0; i < 8; i++)
        {
            silos.Add((await SqlStores.CreateAsync(openAnother(), cluster, Ct)).MembershipTable);
        }

        var results = await Task.WhenAll(silos.Select((silo, i) => silo.InsertRowAsync(Entry(i + 1), new TableVersion(1, "0"), Ct)));

        Assert.Single(results, won => won);
        var data = await silos[0].ReadAllAsync(Ct);
        Assert.Equal(1, data.Version.Version);
        Assert.Single(data.Members);
    }

    [Fact]
    public async Task UpdateIAmAlive_ChangesTheTimeButNeverTheVersion()
    {
        Assert.True(await _table.InsertRowAsync(Entry(1), new TableVersion(1, "0"), Ct));
        var before = await _table.ReadAllAsync(Ct);
        var alive = Start.AddMinutes(5);

        await _table.UpdateIAmAliveAsync(Entry(1) with { IAmAliveTime = alive, Status = SiloStatus.Dead }, Ct);

        var after = await _table.ReadAllAsync(Ct);
        Assert.Equal(before.Version, after.Version);
        var entry = Assert.Single(after.Members).Entry;
        Assert.Equal(alive, entry.IAmAliveTime);
        Assert.Equal(SiloStatus.Active, entry.Status);
    }

    [Fact]
    public async Task CleanupDefunctSiloEntries_RemovesOnlyDeadRowsOlderThanTheDate()
    {
        var cutoff = Start.AddDays(7);
        var rows = new[]
        {
            Entry(1) with { Status = SiloStatus.Dead, IAmAliveTime = cutoff.AddDays(-1) },
            Entry(2) with { Status = SiloStatus.Dead, IAmAliveTime = cutoff.AddDays(1) },
            Entry(3) with { Status = SiloStatus.Active, IAmAliveTime = cutoff.AddDays(-1) },
        };
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.True(await _table.InsertRowAsync(rows[i], new TableVersion(i + 1, i.ToString()), Ct));
        }

        await _table.CleanupDefunctSiloEntriesAsync(cutoff, Ct);

        var remaining = (await _table.ReadAllAsync(Ct)).Members.Select(member => member.Entry.SiloAddress.Endpoint.Port).Order();
        Assert.Equal([2, 3], remaining);
    }

    [Fact]
    public async Task InsertRow_BadEntry_IsRejectedWithTheFieldNamed()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => _table.InsertRowAsync(Entry(1) with { SiloName = new string('s', 151) }, new TableVersion(1, "0"), Ct));

        Assert.Contains("SiloName", error.Message);
    }

    private static SiloAddress Silo(int port) => new(new IPEndPoint(IPAddress.Loopback, port), 1000);

    private static MembershipEntry Entry(int port) => new()
    {
        SiloAddress = Silo(port),
        Status = SiloStatus.Active,
        HostName = "host",
        SiloName = "silo-" + port,
        RoleName = "",
        StartTime = Start,
        IAmAliveTime = Start,
    };

    private static void AssertSameEntry(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ProxyPort, actual.ProxyPort);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.RoleName, actual.RoleName);
        Assert.Equal(expected.StartTime, actual.StartTime);
        Assert.Equal(expected.IAmAliveTime, actual.IAmAliveTime);
        Assert.Equal(expected.SuspectTimes, actual.SuspectTimes);
    }
}
