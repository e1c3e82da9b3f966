using System.Text;
using Actors.Storage;

namespace Actors.Runtime.Tests.Sql;

/// <summary>Orleans' persistence TestKit contract (RUNTIME.md section 10 item 8), run on every SQL backend.</summary>
public abstract class GrainStorageConformanceTests(SqlBackend backend) : IAsyncLifetime
{
    private const string StateType = "counter/state";

    private IGrainStorage _storage = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _storage = (await backend.NewClusterAsync()).GrainStorage;
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Read_NothingStored_ReturnsNull()
    {
        Assert.Null(await _storage.ReadAsync(StateType, "missing", Ct));
    }

    [Fact]
    public async Task Write_WithoutEtag_InsertsAndReadsBack()
    {
        var etag = await _storage.WriteAsync(StateType, "k", Json("{\"n\":1}"), null, Ct);

        var record = await _storage.ReadAsync(StateType, "k", Ct);
        Assert.NotNull(record);
        Assert.Equal("{\"n\":1}", Encoding.UTF8.GetString(record.Payload));
        Assert.Equal(etag, record.ETag);
    }

    [Fact]
    public async Task Write_DuplicateInsert_ThrowsInconsistentState()
    {
        var first = await _storage.WriteAsync(StateType, "k", Json("1"), null, Ct);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteAsync(StateType, "k", Json("2"), null, Ct));

        Assert.Equal(first, error.StoredEtag);
        Assert.Equal("1", Text(await _storage.ReadAsync(StateType, "k", Ct)));
    }

    [Fact]
    public async Task Write_StaleEtag_ThrowsAndKeepsTheNewerState()
    {
        var first = await _storage.WriteAsync(StateType, "k", Json("1"), null, Ct);
        var second = await _storage.WriteAsync(StateType, "k", Json("2"), first, Ct);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteAsync(StateType, "k", Json("stale"), first, Ct));

        Assert.Equal(second, error.StoredEtag);
        Assert.Equal(first, error.CurrentEtag);
        Assert.Equal("2", Text(await _storage.ReadAsync(StateType, "k", Ct)));
    }

    [Fact]
    public async Task Write_EtagOfMissingRecord_Throws()
    {
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteAsync(StateType, "never-written", Json("1"), "1", Ct));
    }

    [Fact]
    public async Task Clear_StaleEtag_ThrowsAndKeepsState()
    {
        var first = await _storage.WriteAsync(StateType, "k", Json("1"), null, Ct);
        await _storage.WriteAsync(StateType, "k", Json("2"), first, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearAsync(StateType, "k", first, Ct));

        Assert.Equal("2", Text(await _storage.ReadAsync(StateType, "k", Ct)));
    }

    [Fact]
    public async Task Write_EveryWrite_ChangesTheEtagEvenWithTheSamePayload()
    {
        var etags = new List<string> { await _storage.WriteAsync(StateType, "k", Json("same"), null, Ct) };
        for (var i = 0; i < 5; i++)
        {
            etags.Add(await _storage.WriteAsync(StateType, "k", Json("same"), etags[^1], Ct));
        }

        Assert.Equal(etags.Count, etags.Distinct().Count());
    }

    [Fact]
    public async Task Clear_ThenRead_ReturnsNullAndAWriteWithoutEtagStartsAgain()
    {
        var first = await _storage.WriteAsync(StateType, "k", Json("1"), null, Ct);
        await _storage.ClearAsync(StateType, "k", first, Ct);

        Assert.Null(await _storage.ReadAsync(StateType, "k", Ct));
        var again = await _storage.WriteAsync(StateType, "k", Json("again"), null, Ct);
        Assert.Equal("again", Text(await _storage.ReadAsync(StateType, "k", Ct)));
        Assert.NotEqual(first, again);
    }

    [Fact]
    public async Task Clear_EtagFromBeforeTheClear_NeverMatchesAgain()
    {
        var first = await _storage.WriteAsync(StateType, "k", Json("1"), null, Ct);
        await _storage.ClearAsync(StateType, "k", first, Ct);
        await _storage.WriteAsync(StateType, "k", Json("2"), null, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteAsync(StateType, "k", Json("stale"), first, Ct));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearAsync(StateType, "k", first, Ct));
    }

    [Fact]
    public async Task Clear_WithoutEtag_SucceedsOnlyWhenNothingIsStored()
    {
        await _storage.ClearAsync(StateType, "absent", null, Ct);
        await _storage.WriteAsync(StateType, "present", Json("1"), null, Ct);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearAsync(StateType, "present", null, Ct));
    }

    [Fact]
    public async Task StateNamesAndGrainTypes_AreIndependentRecords()
    {
        await _storage.WriteAsync("counter/a", "k", Json("a"), null, Ct);
        await _storage.WriteAsync("counter/b", "k", Json("b"), null, Ct);
        await _storage.WriteAsync("other/a", "k", Json("other"), null, Ct);

        Assert.Equal("a", Text(await _storage.ReadAsync("counter/a", "k", Ct)));
        Assert.Equal("b", Text(await _storage.ReadAsync("counter/b", "k", Ct)));
        Assert.Equal("other", Text(await _storage.ReadAsync("other/a", "k", Ct)));
        Assert.Null(await _storage.ReadAsync("counter/c", "k", Ct));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("Грейн-Кириллица")]
    [InlineData("namespace/name/with/slashes")]
    [InlineData("emoji-🚀-漢字")]
    [InlineData("quote'; DROP TABLE OrleansStorage; --")]
    [InlineData("")]
    [InlineData("trailing space ")]
    public async Task StringKeys_RoundTripAndStayDistinct(string key)
    {
        var etag = await _storage.WriteAsync(StateType, key, Json(key.Length.ToString()), null, Ct);
        await _storage.WriteAsync(StateType, key + "x", Json("neighbour"), null, Ct);

        var record = await _storage.ReadAsync(StateType, key, Ct);
        Assert.NotNull(record);
        Assert.Equal(etag, record.ETag);
        Assert.Equal(key.Length.ToString(), Text(record));
    }

    [Fact]
    public async Task Write_BinaryAndEmptyPayloads_RoundTripExactly()
    {
        byte[] binary = [0, 1, 2, 255, 0, 128];
        await _storage.WriteAsync(StateType, "binary", binary, null, Ct);
        await _storage.WriteAsync(StateType, "empty", ReadOnlyMemory<byte>.Empty, null, Ct);

        Assert.Equal(binary, (await _storage.ReadAsync(StateType, "binary", Ct))?.Payload);
        var empty = await _storage.ReadAsync(StateType, "empty", Ct);
        Assert.NotNull(empty);
        Assert.Empty(empty.Payload);
    }

    [Fact]
    public async Task Write_ParallelInsertsOfOneRecord_ExactlyOneWins()
    {
        var attempts = Enumerable.Range(0, 10).Select(async i =>
        {
            try
            {
                await _storage.WriteAsync(StateType, "contended", Json(i.ToString()), null, Ct);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        });

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task ParallelWritesAndReads_OnDifferentKeys_AllLand()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var key = "parallel-" + i;
            var etag = await _storage.WriteAsync(StateType, key, Json("1"), null, Ct);
            await _storage.WriteAsync(StateType, key, Json(i.ToString()), etag, Ct);
        }));

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(i.ToString(), Text(await _storage.ReadAsync(StateType, "parallel-" + i, Ct)));
        }
    }

    [Fact]
    public async Task BadInput_IsRejectedWithTheArgumentNamed()
    {
        var etag = await Assert.ThrowsAsync<ArgumentException>(() => _storage.WriteAsync(StateType, "k", Json("1"), "not-a-version", Ct));
        Assert.Equal("etag", etag.ParamName);
        var key = await Assert.ThrowsAsync<ArgumentException>(() => _storage.ReadAsync(StateType, new string('k', 513), Ct));
        Assert.Equal("grainKey", key.ParamName);
        var type = await Assert.ThrowsAsync<ArgumentException>(() => _storage.ReadAsync("", "k", Ct));
        Assert.Equal("stateType", type.ParamName);
    }

    private static byte[] Json(string value) => Encoding.UTF8.GetBytes(value);

    private static string? Text(GrainStateRecord? record) => record is null ? null : Encoding.UTF8.GetString(record.Payload);
}
