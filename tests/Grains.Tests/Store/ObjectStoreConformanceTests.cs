using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Actors.Grains.Abstractions.Store;
using Actors.Grains.Store;
using Actors.Storage;

namespace Actors.Grains.Tests.Store;

/// <summary>
/// The object store's contract, run against every backend (SQLite and PostgreSQL subclasses). Each test gets a
/// fresh, empty database, so revisions start at 1.
/// </summary>
public abstract partial class ObjectStoreConformanceTests : IAsyncLifetime
{
    protected const string Pods = "Pod";
    protected const string Deployments = "apps/Deployment";

    private Database? _database;
    private ObjectStore? _store;

    protected ObjectStore Store => _store ?? throw new InvalidOperationException("not initialized");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new handle on this test's database; each call is like another silo's connection.</summary>
    protected abstract Task<Database> OpenDatabaseAsync();

    protected virtual ValueTask DisposeBackendAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        _database = await OpenDatabaseAsync();
        _store = await OpenStoreAsync(_database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        await DisposeBackendAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The poll that repairs lost wake-ups is set far beyond any test's deadline, so watches here prove the
    /// in-process signal and PostgreSQL's NOTIFY.
    /// </summary>
    protected static Task<ObjectStore> OpenStoreAsync(Database database, SecretsKey? secretsKey = null) =>
        ObjectStore.OpenAsync(
            database,
            new ObjectStoreOptions { CompactionInterval = TimeSpan.Zero, PollInterval = TimeSpan.FromMinutes(10), SecretsKey = secretsKey },
            cancellationToken: Ct);

    protected static JsonObject Obj(string name, string ns = "default", int image = 1, string? owner = null, string? node = null, string? app = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns.Length > 0)
        {
            metadata["namespace"] = ns;
        }
        if (app is not null)
        {
            metadata["labels"] = new JsonObject { ["app"] = app };
        }
        if (owner is not null)
        {
            metadata["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["apiVersion"] = "apps/v1", ["kind"] = "ReplicaSet", ["name"] = "rs", ["uid"] = owner, ["controller"] = true,
            });
        }
        var spec = new JsonObject { ["image"] = $"nginx:{image}" };
        if (node is not null)
        {
            spec["nodeName"] = node;
        }
        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["metadata"] = metadata, ["spec"] = spec };
    }

    protected static string Rv(JsonObject obj) => obj["metadata"]!["resourceVersion"]!.GetValue<string>();

    protected static long Generation(JsonObject obj) => obj["metadata"]!["generation"]!.GetValue<long>();

    protected static string Name(JsonObject obj) => obj["metadata"]!["name"]!.GetValue<string>();

    protected static string Uid(JsonObject obj) => obj["metadata"]!["uid"]!.GetValue<string>();

    protected async Task<JsonObject> CreateAsync(string kind, JsonObject obj, IObjectStore? store = null)
    {
        var result = await (store ?? Store).CreateAsync(kind, obj, Ct);
        return Assert.IsType<CreateResult.Created>(result).Object;
    }

    [Fact]
    public async Task Create_sets_server_fields_and_get_returns_the_stored_object()
    {
        var incoming = Obj("web");
        var stored = await CreateAsync(Pods, incoming);

        Assert.True(Guid.TryParse(Uid(stored), out _));
        Assert.Matches(TimestampPattern(), stored["metadata"]!["creationTimestamp"]!.GetValue<string>());
        Assert.Equal("1", Rv(stored));
        Assert.Equal(1, Generation(stored));
        Assert.Null(incoming["metadata"]!["uid"]);
        var fetched = await Store.GetAsync(Pods, "default", "web", Ct);
        Assert.True(JsonNode.DeepEquals(stored, fetched));
        Assert.Null(await Store.GetAsync(Pods, "other", "web", Ct));
        Assert.Null(await Store.GetAsync(Deployments, "default", "web", Ct));
        Assert.Equal(1, await Store.CurrentRevisionAsync(Ct));
    }

    [Fact]
    public async Task Duplicate_create_is_AlreadyExists_with_the_current_object()
    {
        var first = await CreateAsync(Pods, Obj("web"));
        var second = await Store.CreateAsync(Pods, Obj("web", image: 2), Ct);

        var exists = Assert.IsType<CreateResult.AlreadyExists>(second);
        Assert.Equal(Uid(first), Uid(exists.Current));
        Assert.Equal(1, await Store.CurrentRevisionAsync(Ct));
        await CreateAsync(Pods, Obj("web", ns: "other"));
        await CreateAsync(Deployments, Obj("web"));
    }

    [Fact]
    public async Task Create_rejects_an_object_without_a_name()
    {
        var nameless = new JsonObject { ["metadata"] = new JsonObject { ["namespace"] = "default" } };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(Pods, nameless, Ct));
        Assert.Contains("metadata.name", error.Message);
    }

    [Fact]
    public async Task Stale_update_is_a_Conflict_carrying_the_current_object()
    {
        var v1 = await CreateAsync(Pods, Obj("web"));
        var v2 = Assert.IsType<UpdateResult.Updated>(await Store.UpdateAsync(Pods, Obj("web", image: 2), Rv(v1), Ct)).Object;

        var stale = await Store.UpdateAsync(Pods, Obj("web", image: 3), Rv(v1), Ct);

        var conflict = Assert.IsType<UpdateResult.Conflict>(stale);
        Assert.Equal(Rv(v2), Rv(conflict.Current));
        Assert.Equal("nginx:2", conflict.Current["spec"]!["image"]!.GetValue<string>());
        Assert.IsType<UpdateResult.NotFound>(await Store.UpdateAsync(Pods, Obj("missing"), "1", Ct));
    }

    [Fact]
    public async Task Generation_bumps_only_when_spec_changes_and_a_noop_keeps_the_revision()
    {
        var v1 = await CreateAsync(Pods, Obj("web"));

        var labelled = Assert.IsType<UpdateResult.Updated>(await Store.UpdateAsync(Pods, Obj("web", app: "x"), Rv(v1), Ct)).Object;
        Assert.Equal(1, Generation(labelled));
        Assert.Equal("2", Rv(labelled));

        var respec = Assert.IsType<UpdateResult.Updated>(await Store.UpdateAsync(Pods, Obj("web", image: 2, app: "x"), Rv(labelled), Ct)).Object;
        Assert.Equal(2, Generation(respec));
        Assert.Equal("3", Rv(respec));
        Assert.Equal(Uid(v1), Uid(respec));
        Assert.Equal(v1["metadata"]!["creationTimestamp"]!.GetValue<string>(), respec["metadata"]!["creationTimestamp"]!.GetValue<string>());

        var noop = Assert.IsType<UpdateResult.Updated>(await Store.UpdateAsync(Pods, Obj("web", image: 2, app: "x"), Rv(respec), Ct)).Object;
        Assert.Equal("3", Rv(noop));
        Assert.Equal(3, await Store.CurrentRevisionAsync(Ct));
    }

    [Fact]
    public async Task Update_with_a_different_uid_is_a_Conflict()
    {
        var v1 = await CreateAsync(Pods, Obj("web"));
        var other = Obj("web", image: 2);
        other["metadata"]!["uid"] = Guid.NewGuid().ToString();

        Assert.IsType<UpdateResult.Conflict>(await Store.UpdateAsync(Pods, other, Rv(v1), Ct));
    }

    [Fact]
    public async Task Delete_checks_preconditions_and_records_the_last_state_at_a_new_revision()
    {
        var v1 = await CreateAsync(Pods, Obj("web"));
        var v2 = Assert.IsType<UpdateResult.Updated>(await Store.UpdateAsync(Pods, Obj("web", image: 2), Rv(v1), Ct)).Object;

        var stale = Assert.IsType<DeleteResult.Conflict>(await Store.DeleteAsync(Pods, "default", "web", Rv(v1), null, Ct));
        Assert.Equal(Rv(v2), Rv(stale.Current));
        Assert.IsType<DeleteResult.Conflict>(await Store.DeleteAsync(Pods, "default", "web", null, Guid.NewGuid().ToString(), Ct));

        var deleted = Assert.IsType<DeleteResult.Deleted>(await Store.DeleteAsync(Pods, "default", "web", Rv(v2), Uid(v1), Ct));
        Assert.Equal("3", Rv(deleted.Last));
        Assert.Equal("nginx:2", deleted.Last["spec"]!["image"]!.GetValue<string>());
        Assert.Null(await Store.GetAsync(Pods, "default", "web", Ct));
        Assert.IsType<DeleteResult.NotFound>(await Store.DeleteAsync(Pods, "default", "web", null, null, Ct));
    }

    [Fact]
    public async Task Paged_list_stays_consistent_at_the_first_pages_revision_while_writes_happen()
    {
        var created = new Dictionary<string, JsonObject>();
        for (var i = 0; i < 10; i++)
        {
            created[$"a{i}"] = await CreateAsync(Pods, Obj($"a{i}"));
        }
        await CreateAsync(Pods, Obj("z-elsewhere", ns: "other"));

        var first = await Store.ListAsync(Pods, "default", new ListOptions { Limit = 4 }, Ct);
        Assert.Equal(["a0", "a1", "a2", "a3"], first.Items.Select(Name));
        Assert.Equal("11", first.ResourceVersion);
        Assert.NotNull(first.Continue);

        Assert.IsType<DeleteResult.Deleted>(await Store.DeleteAsync(Pods, "default", "a5", null, null, Ct));
        await CreateAsync(Pods, Obj("a45"));
        Assert.IsType<UpdateResult.Updated>(await Store.UpdateAsync(Pods, Obj("a8", image: 9), Rv(created["a8"]), Ct));
        await CreateAsync(Pods, Obj("b-new"));

        var second = await Store.ListAsync(Pods, "default", new ListOptions { Limit = 4, Continue = first.Continue }, Ct);
        Assert.Equal(["a4", "a5", "a6", "a7"], second.Items.Select(Name));
        Assert.Equal("11", second.ResourceVersion);
        var third = await Store.ListAsync(Pods, "default", new ListOptions { Limit = 4, Continue = second.Continue }, Ct);
        Assert.Equal(["a8", "a9"], third.Items.Select(Name));
        Assert.Null(third.Continue);
        Assert.Equal("nginx:1", third.Items[0]["spec"]!["image"]!.GetValue<string>());
        Assert.Equal(Rv(created["a8"]), Rv(third.Items[0]));

        var fresh = await Store.ListAsync(Pods, "default", null, Ct);
        Assert.Equal(["a0", "a1", "a2", "a3", "a4", "a45", "a6", "a7", "a8", "a9", "b-new"], fresh.Items.Select(Name));
        Assert.Equal("15", fresh.ResourceVersion);
        Assert.Null(fresh.Continue);
    }

    [Fact]
    public async Task List_filters_before_limiting_and_spans_namespaces_in_key_order()
    {
        await CreateAsync(Pods, Obj("b", ns: "ns2", app: "web"));
        await CreateAsync(Pods, Obj("a", ns: "ns2", app: "db"));
        await CreateAsync(Pods, Obj("c", ns: "ns1", app: "web"));
        await CreateAsync(Pods, Obj("d", ns: "ns1", app: "web"));
        await CreateAsync(Deployments, Obj("e", ns: "ns1", app: "web"));

        var all = await Store.ListAsync(Pods, null, null, Ct);
        Assert.Equal(["c", "d", "a", "b"], all.Items.Select(Name));

        var options = new ListOptions { Limit = 2, Filter = o => o["metadata"]!["labels"]!["app"]!.GetValue<string>() == "web" };
        var page1 = await Store.ListAsync(Pods, null, options, Ct);
        Assert.Equal(["c", "d"], page1.Items.Select(Name));
        var page2 = await Store.ListAsync(Pods, null, options with { Continue = page1.Continue }, Ct);
        Assert.Equal(["b"], page2.Items.Select(Name));
        Assert.Null(page2.Continue);

        var empty = await Store.ListAsync(Pods, "nowhere", null, Ct);
        Assert.Empty(empty.Items);
        Assert.Equal("5", empty.ResourceVersion);
    }

    [Fact]
    public async Task List_at_an_exact_revision_reads_the_history()
    {
        var v1 = await CreateAsync(Pods, Obj("web"));
        Assert.IsType<UpdateResult.Updated>(await Store.UpdateAsync(Pods, Obj("web", image: 2), Rv(v1), Ct));
        await CreateAsync(Pods, Obj("later"));

        var atOne = await Store.ListAsync(Pods, "default", new ListOptions { ResourceVersion = "1", Match = ResourceVersionMatch.Exact }, Ct);

        var only = Assert.Single(atOne.Items);
        Assert.Equal("nginx:1", only["spec"]!["image"]!.GetValue<string>());
        Assert.Equal("1", atOne.ResourceVersion);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync(Pods, null, new ListOptions { ResourceVersion = "x" }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync(Pods, null, new ListOptions { Continue = "not-a-token" }, Ct));
    }

    [Fact]
    public async Task Owner_index_finds_children_and_follows_updates_and_deletes()
    {
        var owner = Guid.NewGuid().ToString();
        var p1 = await CreateAsync(Pods, Obj("p1", owner: owner));
        await CreateAsync(Pods, Obj("p2", owner: owner));
        await CreateAsync(Pods, Obj("p3", owner: owner));
        await CreateAsync(Pods, Obj("p4", owner: Guid.NewGuid().ToString()));
        await CreateAsync(Pods, Obj("p5", ns: "other", owner: owner));

        Assert.Equal(["p1", "p2", "p3"], (await Store.ListByOwnerAsync(Pods, "default", owner, Ct)).Select(Name));
        Assert.Empty(await Store.ListUnownedAsync(Pods, "default", Ct));

        Assert.IsType<UpdateResult.Updated>(await Store.UpdateAsync(Pods, Obj("p1"), Rv(p1), Ct));
        Assert.IsType<DeleteResult.Deleted>(await Store.DeleteAsync(Pods, "default", "p2", null, null, Ct));

        Assert.Equal(["p3"], (await Store.ListByOwnerAsync(Pods, "default", owner, Ct)).Select(Name));
        Assert.Equal(["p5"], (await Store.ListByOwnerAsync(Pods, "other", owner, Ct)).Select(Name));
        Assert.Equal(["p1"], (await Store.ListUnownedAsync(Pods, "default", Ct)).Select(Name));
    }

    [Fact]
    public async Task An_object_that_gains_an_owner_leaves_the_unowned_index()
    {
        var owner = Guid.NewGuid().ToString();
        var p1 = await CreateAsync(Pods, Obj("p1"));
        Assert.Equal(["p1"], (await Store.ListUnownedAsync(Pods, "default", Ct)).Select(Name));

        Assert.IsType<UpdateResult.Updated>(await Store.UpdateAsync(Pods, Obj("p1", owner: owner), Rv(p1), Ct));

        Assert.Empty(await Store.ListUnownedAsync(Pods, "default", Ct));
        Assert.Equal(["p1"], (await Store.ListByOwnerAsync(Pods, "default", owner, Ct)).Select(Name));
    }

    [Fact]
    public async Task A_version_1_store_is_migrated_and_its_objects_keep_their_owners()
    {
        var owner = Guid.NewGuid().ToString();
        await CreateAsync(Pods, Obj("owned", owner: owner));
        await CreateAsync(Pods, Obj("orphan"));
        // Back to the version 1 schema, which had no owned column.
        await using (var connection = await _database!.OpenConnectionAsync(Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP INDEX objects_unowned; ALTER TABLE objects DROP COLUMN owned; UPDATE object_store_schema SET version = 1";
            await command.ExecuteNonQueryAsync(Ct);
        }

        await using var database = await OpenDatabaseAsync();
        await using var reopened = await OpenStoreAsync(database);

        Assert.Equal(["orphan"], (await reopened.ListUnownedAsync(Pods, "default", Ct)).Select(Name));
        Assert.Equal(["owned"], (await reopened.ListByOwnerAsync(Pods, "default", owner, Ct)).Select(Name));
    }

    [Fact]
    public async Task Node_index_finds_the_pods_bound_to_a_node()
    {
        await CreateAsync(Pods, Obj("p1", node: "n1"));
        await CreateAsync(Pods, Obj("p2", ns: "other", node: "n1"));
        await CreateAsync(Pods, Obj("p3", node: "n2"));
        await CreateAsync(Pods, Obj("p4"));

        Assert.Equal(["p1", "p2"], (await Store.ListByNodeAsync(Pods, "n1", Ct)).Select(Name));
    }

    [Fact]
    public async Task Watch_from_zero_replays_everything_in_order_then_streams_live_events()
    {
        var a = await CreateAsync(Pods, Obj("a"));
        await CreateAsync(Pods, Obj("b"));
        await CreateAsync(Deployments, Obj("d"));
        Assert.IsType<UpdateResult.Updated>(await Store.UpdateAsync(Pods, Obj("a", image: 2), Rv(a), Ct));
        Assert.IsType<DeleteResult.Deleted>(await Store.DeleteAsync(Pods, "default", "b", null, null, Ct));

        await using var watch = new WatchRecorder(Store, Pods, null, 0);
        await watch.WaitForCountAsync(4);
        await CreateAsync(Pods, Obj("c"));
        await watch.WaitForCountAsync(5);

        Assert.Null(watch.Failure);
        var events = watch.Events;
        Assert.Equal(["ADDED", "ADDED", "MODIFIED", "DELETED", "ADDED"], events.Select(e => e.TypeName));
        Assert.Equal([1L, 2, 4, 5, 6], events.Select(e => e.Revision));
        Assert.All(events, e => Assert.Equal(e.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), Rv(e.Object)));
        Assert.Equal("b", Name(events[3].Object));
        Assert.Equal("c", Name(events[4].Object));
    }

    [Fact]
    public async Task Watch_from_the_current_revision_gets_only_new_events_of_its_namespace()
    {
        await CreateAsync(Pods, Obj("old1"));
        await CreateAsync(Pods, Obj("old2"));
        var now = await Store.CurrentRevisionAsync(Ct);

        await using var watch = new WatchRecorder(Store, Pods, "default", now);
        await CreateAsync(Pods, Obj("elsewhere", ns: "other"));
        await CreateAsync(Pods, Obj("new"));
        await watch.WaitForCountAsync(1);

        Assert.Null(watch.Failure);
        var only = Assert.Single(watch.Events);
        Assert.Equal("new", Name(only.Object));
        Assert.Equal(now + 2, only.Revision);
    }

    [Fact]
    public async Task Compaction_makes_old_revisions_410_but_keeps_the_state_listable()
    {
        var a = await CreateAsync(Pods, Obj("a"));
        await CreateAsync(Pods, Obj("b"));
        Assert.IsType<UpdateResult.Updated>(await Store.UpdateAsync(Pods, Obj("a", image: 2), Rv(a), Ct));
        Assert.IsType<DeleteResult.Deleted>(await Store.DeleteAsync(Pods, "default", "b", null, null, Ct));
        await CreateAsync(Pods, Obj("c"));
        var first = await Store.ListAsync(Pods, "default", new ListOptions { Limit = 1 }, Ct);

        Assert.Equal(4, await Store.CompactAsync(4, Ct));
        await CreateAsync(Pods, Obj("d"));

        var tooOld = await Assert.ThrowsAsync<TooOldResourceVersionException>(async () =>
        {
            await foreach (var _ in Store.WatchAsync(Pods, null, 2, Ct))
            {
                break;
            }
        });
        Assert.Equal(4, tooOld.CompactedRevision);
        Assert.Equal(410, tooOld.StatusCode);
        await using var watch = new WatchRecorder(Store, Pods, null, 4);
        await watch.WaitForCountAsync(2);
        Assert.Equal([5L, 6], watch.Events.Select(e => e.Revision));

        var atFour = await Store.ListAsync(Pods, null, new ListOptions { ResourceVersion = "4", Match = ResourceVersionMatch.Exact }, Ct);
        Assert.Equal(["a"], atFour.Items.Select(Name));
        Assert.Equal("nginx:2", atFour.Items[0]["spec"]!["image"]!.GetValue<string>());
        Assert.Equal(4, await Store.CompactAsync(2, Ct));

        Assert.Equal(6, await Store.CompactAsync(100, Ct));
        await Assert.ThrowsAsync<TooOldResourceVersionException>(
            () => Store.ListAsync(Pods, "default", new ListOptions { Continue = first.Continue }, Ct));
        Assert.Equal(["a", "c", "d"], (await Store.ListAsync(Pods, null, null, Ct)).Items.Select(Name));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_name_give_exactly_one_Created()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Store.CreateAsync(Pods, Obj("race", image: i), Ct))));

        Assert.Single(results, r => r is CreateResult.Created);
        Assert.Equal(7, results.Count(r => r is CreateResult.AlreadyExists));
        Assert.Equal(1, await Store.CurrentRevisionAsync(Ct));
    }

    [Fact]
    public async Task Concurrent_writes_sharing_commits_get_gap_free_revisions_and_their_own_outcomes()
    {
        var seeded = await Store.CreateAsync(Pods, Obj("seed"), Ct);
        var seedVersion = ((CreateResult.Created)seeded).Object["metadata"]!["resourceVersion"]!.GetValue<string>();
        await using var watch = new WatchRecorder(Store, Pods, null, 1);

        var creates = Enumerable.Range(0, 300).Select(i => Task.Run(() => Store.CreateAsync(Pods, Obj($"p{i}"), Ct))).ToArray();
        var updates = Enumerable.Range(2, 20).Select(image => Task.Run(() => Store.UpdateAsync(Pods, Obj("seed", image: image), seedVersion, Ct))).ToArray();
        var duplicates = Enumerable.Range(0, 20).Select(_ => Task.Run(() => Store.CreateAsync(Pods, Obj("dup"), Ct))).ToArray();
        await Task.WhenAll([.. creates, .. updates, .. duplicates]);

        Assert.All(creates, c => Assert.IsType<CreateResult.Created>(c.Result));
        var updateResults = updates.Select(u => u.Result).ToArray();
        Assert.Single(updateResults, r => r is UpdateResult.Updated);
        Assert.Equal(19, updateResults.Count(r => r is UpdateResult.Conflict));
        var duplicateResults = duplicates.Select(d => d.Result).ToArray();
        Assert.Single(duplicateResults, r => r is CreateResult.Created);
        Assert.Equal(19, duplicateResults.Count(r => r is CreateResult.AlreadyExists));
        Assert.Equal(1 + 300 + 1 + 1, await Store.CurrentRevisionAsync(Ct));
        await watch.WaitForCountAsync(302);
        Assert.Equal(Enumerable.Range(2, 302).Select(r => (long)r), watch.Events.Select(e => e.Revision));
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")]
    private static partial Regex TimestampPattern();
}
