using Actors.Runtime.Reminders;

namespace Actors.Runtime.Tests.Sql;

/// <summary>Orleans' reminder table contract (RUNTIME.md 3 and 12.3), run on every SQL backend.</summary>
public abstract class ReminderTableConformanceTests(SqlBackend backend) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, 250, TimeSpan.Zero);
    private static readonly GrainId Grain = new("deployment", "default/web");

    private IReminderTable _table = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _table = (await backend.NewClusterAsync()).ReminderTable;
        await _table.InitializeAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Upsert_ThenRead_ReturnsTheRowWithItsEtag()
    {
        var entry = new ReminderEntry(Grain, "keeper", Start, TimeSpan.FromMinutes(1));

        var etag = await _table.UpsertRowAsync(entry, Ct);

        Assert.Equal(entry with { ETag = etag }, await _table.ReadRowAsync(Grain, "keeper", Ct));
        Assert.Equal([entry with { ETag = etag }], await _table.ReadRowsAsync(Grain, Ct));
    }

    [Fact]
    public async Task Upsert_Again_UpdatesTheRowAndChangesTheEtag()
    {
        var first = await _table.UpsertRowAsync(new ReminderEntry(Grain, "keeper", Start, TimeSpan.FromMinutes(1)), Ct);
        var updated = new ReminderEntry(Grain, "keeper", Start.AddHours(1), TimeSpan.FromSeconds(5));

        var second = await _table.UpsertRowAsync(updated, Ct);

        Assert.NotEqual(first, second);
        Assert.Equal(updated with { ETag = second }, await _table.ReadRowAsync(Grain, "keeper", Ct));
    }

    [Fact]
    public async Task ReadRows_ByGrain_ReturnsOnlyThatGrainsReminders()
    {
        await _table.UpsertRowAsync(new ReminderEntry(Grain, "a", Start, TimeSpan.FromMinutes(1)), Ct);
        await _table.UpsertRowAsync(new ReminderEntry(Grain, "b", Start, TimeSpan.FromMinutes(2)), Ct);
        await _table.UpsertRowAsync(new ReminderEntry(new GrainId("deployment", "default/other"), "a", Start, TimeSpan.FromMinutes(1)), Ct);

        var rows = await _table.ReadRowsAsync(Grain, Ct);

        Assert.Equal(["a", "b"], rows.Select(row => row.ReminderName).Order());
    }

    [Fact]
    public async Task ReadRow_Missing_ReturnsNull()
    {
        Assert.Null(await _table.ReadRowAsync(Grain, "nothing", Ct));
    }

    [Fact]
    public async Task Remove_WithCurrentEtag_RemovesOnce()
    {
        var etag = await _table.UpsertRowAsync(new ReminderEntry(Grain, "keeper", Start, TimeSpan.FromMinutes(1)), Ct);

        Assert.True(await _table.RemoveRowAsync(Grain, "keeper", etag, Ct));
        Assert.False(await _table.RemoveRowAsync(Grain, "keeper", etag, Ct));
        Assert.Null(await _table.ReadRowAsync(Grain, "keeper", Ct));
    }

    [Fact]
    public async Task Remove_WithStaleEtag_KeepsTheRow()
    {
        var entry = new ReminderEntry(Grain, "keeper", Start, TimeSpan.FromMinutes(1));
        var stale = await _table.UpsertRowAsync(entry, Ct);
        await _table.UpsertRowAsync(entry, Ct);

        Assert.False(await _table.RemoveRowAsync(Grain, "keeper", stale, Ct));
        Assert.NotNull(await _table.ReadRowAsync(Grain, "keeper", Ct));
    }

    public static TheoryData<uint, uint> Ranges => new()
    {
        { 0u, uint.MaxValue },
        { 0x1000_0000u, 0x9000_0000u },
        { 0x8000_0000u, uint.MaxValue },
        { 0u, 0x7FFF_FFFFu },
        { 0xC000_0000u, 0x4000_0000u },
        { 0x7000_0000u, 0x7000_0000u },
        { uint.MaxValue, 0u },
        { 0xFFFF_FFF0u, 0x0000_0010u },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task ReadRows_RingRange_ReturnsExactlyTheGrainsInsideIncludingWrapAround(uint begin, uint end)
    {
        var grains = Enumerable.Range(0, 40).Select(i => new GrainId("ring", "grain-" + i)).ToArray();
        Assert.Contains(grains, grain => grain.GetUniformHashCode() >= 0x8000_0000u);
        Assert.Contains(grains, grain => grain.GetUniformHashCode() < 0x8000_0000u);
        foreach (var grain in grains)
        {
            await _table.UpsertRowAsync(new ReminderEntry(grain, "r", Start, TimeSpan.FromMinutes(1)), Ct);
        }

        var rows = await _table.ReadRowsAsync(begin, end, Ct);

        var expected = grains.Where(grain => InRange(grain.GetUniformHashCode(), begin, end)).Select(grain => grain.Key).Order();
        Assert.Equal(expected, rows.Select(row => row.GrainId.Key).Order());
    }

    [Fact]
    public async Task ReadRows_RangeBoundaries_AreExclusiveAtBeginAndInclusiveAtEnd()
    {
        var grain = new GrainId("ring", "edge");
        var hash = grain.GetUniformHashCode();
        await _table.UpsertRowAsync(new ReminderEntry(grain, "r", Start, TimeSpan.FromMinutes(1)), Ct);

        Assert.Single(await _table.ReadRowsAsync(hash - 1, hash, Ct));
        Assert.Empty(await _table.ReadRowsAsync(hash, hash + 1, Ct));
    }

    [Fact]
    public async Task Upsert_NonPositivePeriod_IsRejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => _table.UpsertRowAsync(new ReminderEntry(Grain, "bad", Start, TimeSpan.Zero), Ct));

        Assert.Contains("period", error.Message);
    }

    // The ring range (begin, end] of the contract, written independently of the store's SQL.
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
