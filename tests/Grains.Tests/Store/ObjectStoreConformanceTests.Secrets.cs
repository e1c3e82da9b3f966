using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Store;
using Actors.Grains.Store;
using Actors.Storage;

namespace Actors.Grains.Tests.Store;

/// <summary>Secrets at rest: sealed in every row the store writes, plaintext on every path that reads.</summary>
public abstract partial class ObjectStoreConformanceTests
{
    private const string Secrets = "Secret";
    private const string PasswordPlaintext = "hunter2-plaintext";
    private const string TokenPlaintext = "stringdata-token-plaintext";

    private static readonly SecretsKey Key = SecretsKey.Parse(SecretsKey.NewKeyText());

    [Fact]
    public async Task Secrets_are_sealed_in_object_and_change_rows_while_every_read_returns_plaintext()
    {
        await using var database = await OpenDatabaseAsync();
        await using var store = await OpenStoreAsync(database, Key);
        await using var live = new WatchRecorder(store, Secrets, null, 0);
        var owner = Guid.NewGuid().ToString();

        var created = await CreateAsync(Secrets, SecretObj("db", "v1", owner), store);
        var updated = Assert.IsType<UpdateResult.Updated>(await store.UpdateAsync(Secrets, SecretObj("db", "v2", owner), Rv(created), Ct)).Object;
        await CreateAsync(Secrets, SecretObj("gone", "v1", owner), store);
        Assert.IsType<DeleteResult.Deleted>(await store.DeleteAsync(Secrets, "default", "gone", null, null, Ct));
        await CreateAsync(Pods, Obj("web"), store);

        var objectRows = await RawRowsAsync(database, "objects", Secrets);
        var changeRows = await RawRowsAsync(database, "object_changes", Secrets);
        Assert.Single(objectRows);
        Assert.Equal(4, changeRows.Count);
        foreach (var row in objectRows.Concat(changeRows))
        {
            Assert.StartsWith(SecretEnvelope.Prefix + Key.Name + ":", row);
            Assert.DoesNotContain(Base64(PasswordPlaintext + "v1").TrimEnd('='), row);
            Assert.DoesNotContain(Base64(PasswordPlaintext + "v2").TrimEnd('='), row);
            Assert.DoesNotContain(TokenPlaintext, row);
        }
        Assert.StartsWith("{", Assert.Single(await RawRowsAsync(database, "objects", Pods)));

        Assert.True(JsonNode.DeepEquals(updated, await store.GetAsync(Secrets, "default", "db", Ct)));
        Assert.Equal("v2", Password(Assert.Single((await store.ListAsync(Secrets, "default", cancellationToken: Ct)).Items, s => Name(s) == "db")));
        var atCreate = await store.ListAsync(Secrets, "default", new ListOptions { ResourceVersion = Rv(created), Match = ResourceVersionMatch.Exact }, Ct);
        Assert.Equal("v1", Password(Assert.Single(atCreate.Items)));
        Assert.Equal("v2", Password(Assert.Single(await store.ListByOwnerAsync(Secrets, "default", owner, Ct))));

        await using var replay = new WatchRecorder(store, Secrets, null, 0);
        foreach (var watch in new[] { live, replay })
        {
            await watch.WaitForCountAsync(4);
            Assert.Null(watch.Failure);
            Assert.Equal(["ADDED", "MODIFIED", "ADDED", "DELETED"], watch.Events.Select(e => e.TypeName));
            Assert.Equal(["v1", "v2", "v1", "v1"], watch.Events.Select(e => Password(e.Object)));
            Assert.All(watch.Events, e => Assert.Equal(TokenPlaintext, e.Object["stringData"]!["token"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Secrets_written_before_a_key_was_configured_stay_readable_and_are_sealed_on_their_next_write()
    {
        var legacy = await CreateAsync(Secrets, SecretObj("db", "v1"));
        await using var database = await OpenDatabaseAsync();
        Assert.Contains(TokenPlaintext, Assert.Single(await RawRowsAsync(database, "objects", Secrets)));
        await using var store = await OpenStoreAsync(database, Key);

        Assert.True(JsonNode.DeepEquals(legacy, await store.GetAsync(Secrets, "default", "db", Ct)));
        await store.UpdateAsync(Secrets, SecretObj("db", "v2"), Rv(legacy), Ct);

        Assert.StartsWith(SecretEnvelope.Prefix, Assert.Single(await RawRowsAsync(database, "objects", Secrets)));
        Assert.Equal("v2", Password((await store.GetAsync(Secrets, "default", "db", Ct))!));
    }

    [Fact]
    public async Task A_store_with_another_key_refuses_sealed_secrets_and_names_the_option()
    {
        await using var database = await OpenDatabaseAsync();
        await using var store = await OpenStoreAsync(database, Key);
        await CreateAsync(Secrets, SecretObj("db", "v1"), store);
        await using var otherDatabase = await OpenDatabaseAsync();
        await using var other = await OpenStoreAsync(otherDatabase, SecretsKey.Parse(SecretsKey.NewKeyText()));

        var error = await Assert.ThrowsAsync<CryptographicException>(() => other.GetAsync(Secrets, "default", "db", Ct));

        Assert.Contains("--secrets-key-file", error.Message);
        Assert.Contains("Secret/default/db", error.Message);
    }

    private static JsonObject SecretObj(string name, string version, string? owner = null)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = "default" };
        if (owner is not null)
        {
            metadata["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["name"] = "p", ["uid"] = owner });
        }
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = metadata,
            ["data"] = new JsonObject { ["password"] = Base64(PasswordPlaintext + version) },
            ["stringData"] = new JsonObject { ["token"] = TokenPlaintext },
        };
    }

    /// <summary>The version suffix of the password, read back from the base64 the object carries.</summary>
    private static string Password(JsonObject secret) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["password"]!.GetValue<string>()))[PasswordPlaintext.Length..];

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>The <c>object</c> column as the database holds it, bypassing the store.</summary>
    private static async Task<List<string>> RawRowsAsync(Database database, string table, string kind)
    {
        await using var connection = await database.OpenConnectionAsync(Ct);
        await using var command = StoreCommand.Create(connection, null, $"SELECT object FROM {table} WHERE kind = @kind", ("kind", kind));
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
