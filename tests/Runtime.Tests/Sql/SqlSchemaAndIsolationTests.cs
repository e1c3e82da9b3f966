using System.Net;
using System.Text;
using Actors.Runtime.Directory;
using Actors.Runtime.Membership;
using Actors.Runtime.Reminders;
using Actors.Runtime.Sql;
using Actors.Storage;

namespace Actors.Runtime.Tests.Sql;

/// <summary>The schema installer and cluster scoping, run on every SQL backend.</summary>
public abstract class SqlSchemaAndIsolationTests(SqlBackend backend)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Install_EmptyDatabase_CreatesTheLatestVersionOnceAndThenIsANoOp()
    {
        var (database, _) = await backend.CreateEmptyDatabaseAsync();

        Assert.Equal(0, await SqlSchema.InstallAsync(database, Ct));
        Assert.Equal(SqlSchema.LatestVersion, await SqlSchema.InstallAsync(database, Ct));
        Assert.Equal(SqlSchema.LatestVersion, await SqlSchema.InstallAsync(database, Ct));
    }

    [Fact]
    public async Task Install_ManySilosAtOnce_ExactlyOneCreatesTheSchema()
    {
        var (database, openAnother) = await backend.CreateEmptyDatabaseAsync();
        Database[] silos = [database, .. Enumerable.Range(0, 5).Select(_ => openAnother())];

        var found = await Task.WhenAll(silos.Select(silo => SqlSchema.InstallAsync(silo, Ct)));

        Assert.Single(found, version => version == 0);
        Assert.All(found.Where(version => version != 0), version => Assert.Equal(SqlSchema.LatestVersion, version));
        var stores = await SqlStores.CreateAsync(database, "after-race", Ct);
        await stores.GrainStorage.WriteAsync("t/s", "k", "1"u8.ToArray(), null, Ct);
    }

    [Fact]
    public async Task Install_SchemaFromANewerBuild_FailsNamingBothVersions()
    {
        var (database, _) = await backend.CreateEmptyDatabaseAsync();
        await SqlSchema.InstallAsync(database, Ct);
        await using (var connection = await database.OpenConnectionAsync(Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO ActorsSchemaVersion (Version, AppliedOn) VALUES ({SqlSchema.LatestVersion + 1}, CURRENT_TIMESTAMP)";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqlSchema.InstallAsync(database, Ct));

        Assert.Contains($"version {SqlSchema.LatestVersion + 1}", error.Message);
        Assert.Contains($"version {SqlSchema.LatestVersion} ", error.Message);
    }

    [Fact]
    public async Task TwoClustersInOneDatabase_NeverSeeEachOthersRows()
    {
        var a = await SqlStores.CreateAsync(backend.Database, "cluster-a-" + Guid.NewGuid().ToString("N")[..8], Ct);
        var b = await SqlStores.CreateAsync(backend.Database, "cluster-b-" + Guid.NewGuid().ToString("N")[..8], Ct);
        var grain = new GrainId("pod", "default/web-0");
        var silo = new SiloAddress(new IPEndPoint(IPAddress.Loopback, 11111), 1);

        // Storage: the same key is a different record in each cluster.
        var etagA = await a.GrainStorage.WriteAsync("pod/state", grain.Key, Encoding.UTF8.GetBytes("a"), null, Ct);
        Assert.Null(await b.GrainStorage.ReadAsync("pod/state", grain.Key, Ct));
        await b.GrainStorage.WriteAsync("pod/state", grain.Key, Encoding.UTF8.GetBytes("b"), null, Ct);
        Assert.Equal("a", Encoding.UTF8.GetString((await a.GrainStorage.ReadAsync("pod/state", grain.Key, Ct))!.Payload));
        Assert.Equal(etagA, (await a.GrainStorage.ReadAsync("pod/state", grain.Key, Ct))!.ETag);

        // Membership: each cluster has its own version row and rows.
        await a.MembershipTable.InitializeAsync(Ct);
        await b.MembershipTable.InitializeAsync(Ct);
        var entry = new MembershipEntry
        {
            SiloAddress = silo,
            Status = SiloStatus.Active,
            HostName = "h",
            SiloName = "s",
            RoleName = "",
            StartTime = Start,
            IAmAliveTime = Start,
        };
        Assert.True(await a.MembershipTable.InsertRowAsync(entry, new TableVersion(1, "0"), Ct));
        var seenByB = await b.MembershipTable.ReadAllAsync(Ct);
        Assert.Empty(seenByB.Members);
        Assert.Equal(0, seenByB.Version.Version);
        Assert.True(await b.MembershipTable.InsertRowAsync(entry, new TableVersion(1, "0"), Ct));
        await b.MembershipTable.CleanupDefunctSiloEntriesAsync(Start.AddYears(1), Ct);
        Assert.Single((await a.MembershipTable.ReadAllAsync(Ct)).Members);

        // Directory: both clusters may register the same grain, and removing a silo in one leaves the other.
        var inA = new GrainAddress(grain, "act-a", silo, 1);
        var inB = new GrainAddress(grain, "act-b", silo, 1);
        Assert.Equal(inA, await a.GrainDirectory.RegisterAsync(inA, null, Ct));
        Assert.Null(await b.GrainDirectory.LookupAsync(grain, Ct));
        Assert.Equal(inB, await b.GrainDirectory.RegisterAsync(inB, null, Ct));
        await b.GrainDirectory.UnregisterSilosAsync([silo], Ct);
        Assert.Equal(inA, await a.GrainDirectory.LookupAsync(grain, Ct));

        // Reminders: a whole-ring read sees only the cluster's own rows.
        await a.ReminderTable.UpsertRowAsync(new ReminderEntry(grain, "keeper", Start, TimeSpan.FromMinutes(1)), Ct);
        Assert.Empty(await b.ReminderTable.ReadRowsAsync(0u, 0u, Ct));
        Assert.Empty(await b.ReminderTable.ReadRowsAsync(grain, Ct));
        Assert.Single(await a.ReminderTable.ReadRowsAsync(0u, 0u, Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task Create_WithoutClusterId_IsRejected(string? clusterId)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => SqlStores.CreateAsync(backend.Database, clusterId!, Ct));

        Assert.Equal("clusterId", error.ParamName);
    }
}
