using System.Net;
using Actors.Runtime.Directory;

namespace Actors.Runtime.Tests.Sql;

/// <summary>The grain directory contract (RUNTIME.md 6 and 12.6), run on every SQL backend.</summary>
public abstract class GrainDirectoryConformanceTests(SqlBackend backend) : IAsyncLifetime
{
    private static readonly GrainId Grain = new("pod", "default/web-0");

    private IGrainDirectory _directory = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _directory = (await backend.NewClusterAsync()).GrainDirectory;
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Register_NewGrain_WinsAndLooksUp()
    {
        var address = Address(Grain, 1, "a1", membershipVersion: 17);

        var winner = await _directory.RegisterAsync(address, null, Ct);

        Assert.Equal(address, winner);
        Assert.Equal(address, await _directory.LookupAsync(Grain, Ct));
    }

    [Fact]
    public async Task Lookup_UnknownGrain_ReturnsNull()
    {
        Assert.Null(await _directory.LookupAsync(new GrainId("pod", "nobody"), Ct));
    }

    [Fact]
    public async Task Register_AlreadyRegistered_ReturnsTheExistingEntry()
    {
        var first = Address(Grain, 1, "a1");
        await _directory.RegisterAsync(first, null, Ct);

        var winner = await _directory.RegisterAsync(Address(Grain, 2, "a2"), null, Ct);

        Assert.Equal(first, winner);
    }

    [Fact]
    public async Task Register_FiftyConcurrentSilos_ExactlyOneWinnerThatEveryoneSees()
    {
        var candidates = Enumerable.Range(1, 50).Select(i => Address(Grain, i, "activation-" + i)).ToArray();

        var results = await Task.WhenAll(candidates.Select(candidate => _directory.RegisterAsync(candidate, null, Ct)));

        var winner = Assert.Single(results.Distinct());
        Assert.Contains(winner, candidates);
        Assert.Equal(winner, await _directory.LookupAsync(Grain, Ct));
        Assert.Single(results.Zip(candidates), pair => pair.First == pair.Second);
    }

    [Fact]
    public async Task Register_WithCurrentPrevious_ReplacesTheEntry()
    {
        var dead = Address(Grain, 1, "a1");
        await _directory.RegisterAsync(dead, null, Ct);
        var replacement = Address(Grain, 2, "a2");

        var winner = await _directory.RegisterAsync(replacement, dead, Ct);

        Assert.Equal(replacement, winner);
        Assert.Equal(replacement, await _directory.LookupAsync(Grain, Ct));
    }

    [Fact]
    public async Task Register_WithStalePrevious_KeepsAndReturnsTheCurrentEntry()
    {
        var dead = Address(Grain, 1, "a1");
        await _directory.RegisterAsync(dead, null, Ct);
        var current = Address(Grain, 2, "a2");
        await _directory.RegisterAsync(current, dead, Ct);

        var winner = await _directory.RegisterAsync(Address(Grain, 3, "a3"), dead, Ct);

        Assert.Equal(current, winner);
        Assert.Equal(current, await _directory.LookupAsync(Grain, Ct));
    }

    [Fact]
    public async Task Register_ConcurrentReplacementsOfOnePrevious_ExactlyOneWins()
    {
        var dead = Address(Grain, 1, "a1");
        await _directory.RegisterAsync(dead, null, Ct);
        var candidates = Enumerable.Range(2, 20).Select(i => Address(Grain, i, "a" + i)).ToArray();

        var results = await Task.WhenAll(candidates.Select(candidate => _directory.RegisterAsync(candidate, dead, Ct)));

        var winner = Assert.Single(results.Distinct());
        Assert.Contains(winner, candidates);
    }

    [Fact]
    public async Task Register_WithPreviousButNoEntry_Registers()
    {
        var address = Address(Grain, 2, "a2");

        Assert.Equal(address, await _directory.RegisterAsync(address, Address(Grain, 1, "gone"), Ct));
    }

    [Fact]
    public async Task Unregister_OnlyRemovesTheSameActivation()
    {
        var address = Address(Grain, 1, "a1");
        await _directory.RegisterAsync(address, null, Ct);

        await _directory.UnregisterAsync(address with { ActivationId = "other" }, Ct);
        Assert.Equal(address, await _directory.LookupAsync(Grain, Ct));

        await _directory.UnregisterAsync(address, Ct);
        Assert.Null(await _directory.LookupAsync(Grain, Ct));
        await _directory.UnregisterAsync(address, Ct);
    }

    [Fact]
    public async Task UnregisterSilos_RemovesEveryEntryOfThoseSilosOnly()
    {
        var entries = new[]
        {
            Address(new GrainId("pod", "a"), 1, "x1"),
            Address(new GrainId("pod", "b"), 1, "x2"),
            Address(new GrainId("pod", "c"), 2, "x3"),
            Address(new GrainId("pod", "d"), 3, "x4"),
        };
        foreach (var entry in entries)
        {
            await _directory.RegisterAsync(entry, null, Ct);
        }
        Assert.Equal([entries[0], entries[1]], await _directory.ListBySiloAsync(Silo(1), Ct));

        await _directory.UnregisterSilosAsync([Silo(1), Silo(2)], Ct);
        await _directory.UnregisterSilosAsync([Silo(1), Silo(2)], Ct);

        Assert.Empty(await _directory.ListBySiloAsync(Silo(1), Ct));
        Assert.Empty(await _directory.ListBySiloAsync(Silo(2), Ct));
        Assert.Equal([entries[3]], await _directory.ListBySiloAsync(Silo(3), Ct));
        Assert.Null(await _directory.LookupAsync(entries[0].GrainId, Ct));
    }

    [Fact]
    public async Task UnregisterSilos_OtherGenerationOfTheSameEndpoint_IsUntouched()
    {
        var restarted = new SiloAddress(Silo(1).Endpoint, Silo(1).Generation + 1);
        var entry = new GrainAddress(Grain, "a1", restarted, 1);
        await _directory.RegisterAsync(entry, null, Ct);

        await _directory.UnregisterSilosAsync([Silo(1)], Ct);

        Assert.Equal(entry, await _directory.LookupAsync(Grain, Ct));
    }

    [Theory]
    [InlineData("Грейн/с/косыми")]
    [InlineData("")]
    [InlineData("quote'\"")]
    public async Task GrainKeys_RoundTrip(string key)
    {
        var address = Address(new GrainId("node", key), 1, "a1");

        await _directory.RegisterAsync(address, null, Ct);

        Assert.Equal(address, await _directory.LookupAsync(address.GrainId, Ct));
    }

    [Fact]
    public async Task Register_PreviousOfAnotherGrain_IsRejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => _directory.RegisterAsync(Address(Grain, 1, "a1"), Address(new GrainId("pod", "other"), 2, "a2"), Ct));

        Assert.Equal("previousAddress", error.ParamName);
    }

    private static SiloAddress Silo(int index) => new(new IPEndPoint(IPAddress.Parse("10.0.0." + index), 11111), 5000 + index);

    private static GrainAddress Address(GrainId grain, int silo, string activation, long membershipVersion = 3) =>
        new(grain, activation, Silo(silo), membershipVersion);
}
