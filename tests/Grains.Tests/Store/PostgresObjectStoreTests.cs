using Actors.Grains.Abstractions.Store;
using Actors.Storage;
using Actors.TestSupport;

namespace Actors.Grains.Tests.Store;

[Trait("Category", "Postgres")]
public sealed class PostgresObjectStoreTests : ObjectStoreConformanceTests
{
    private TestPostgres? _postgres;

    protected override async Task<Database> OpenDatabaseAsync()
    {
        _postgres ??= await TestPostgres.CreateAsync();
        return Database.ForPostgres(_postgres.ConnectionString);
    }

    protected override async ValueTask DisposeBackendAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_watch_on_one_silo_sees_every_write_of_another_in_order_without_gaps()
    {
        await using var otherDatabase = await OpenDatabaseAsync();
        await using var other = await OpenStoreAsync(otherDatabase);
        var from = await Store.CurrentRevisionAsync(Ct);
        await using var watch = new WatchRecorder(Store, Pods, null, from);

        const int Writers = 4;
        const int ObjectsPerWriter = 15;
        var written = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var revisions = new List<long>();
            for (var i = 0; i < ObjectsPerWriter; i++)
            {
                var created = await CreateAsync(Pods, Obj($"w{writer}-{i}", ns: $"ns{writer}"), other);
                revisions.Add(long.Parse(Rv(created), System.Globalization.CultureInfo.InvariantCulture));
                if (i % 3 == 0)
                {
                    var updated = await other.UpdateAsync(Pods, Obj($"w{writer}-{i}", ns: $"ns{writer}", image: 2), Rv(created), Ct);
                    revisions.Add(long.Parse(Rv(Assert.IsType<UpdateResult.Updated>(updated).Object), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            return revisions;
        })));
        var expected = written.SelectMany(r => r).Order().ToList();

        await watch.WaitForCountAsync(expected.Count);

        Assert.Null(watch.Failure);
        var seen = watch.Events.Select(e => e.Revision).ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(Enumerable.Range(0, expected.Count).Select(i => from + 1 + i), seen);
    }

    [Fact]
    public async Task Two_silos_racing_to_create_one_name_give_exactly_one_Created()
    {
        await using var otherDatabase = await OpenDatabaseAsync();
        await using var other = await OpenStoreAsync(otherDatabase);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Store : other).CreateAsync(Pods, Obj("race", image: i), Ct))));

        Assert.Single(results, r => r is CreateResult.Created);
        Assert.Equal(1, await other.CurrentRevisionAsync(Ct));
    }
}
