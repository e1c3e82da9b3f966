using Actors.Runtime.Tests.TestGrains;
using Actors.TestSupport;

namespace Actors.Runtime.Tests.Core;

[Trait("Category", "Unit")]
public sealed class TurnTests : IAsyncLifetime
{
    private TestSiloHost _silo = null!;

    public async ValueTask InitializeAsync() => _silo = await TestSiloHost.StartAsync();

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task NonReentrantGrain_NeverRunsTwoRequestsAtOnce()
    {
        var grain = _silo.GrainFactory.GetGrain<ISerialInFlightGrain>("serial");
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => grain.WorkAsync(2)));
        Assert.Equal(1, await grain.GetMaxInFlightAsync());
    }

    [Fact]
    public async Task ReentrantGrain_InterleavesRequests()
    {
        var grain = _silo.GrainFactory.GetGrain<IReentrantInFlightGrain>("reentrant");
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.WorkAsync(50)));
        Assert.True(await grain.GetMaxInFlightAsync() > 1);
    }

    [Fact]
    public async Task ReadOnlyRequests_InterleaveWithEachOther()
    {
        var grain = _silo.GrainFactory.GetGrain<ISerialInFlightGrain>("readers");
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => grain.ReadAsync(100)));
        Assert.True(await grain.GetMaxInFlightAsync() > 1);
    }

    [Fact]
    public async Task ReadOnlyRequest_DoesNotInterleaveWithAWrite()
    {
        var grain = _silo.GrainFactory.GetGrain<ISerialInFlightGrain>("read-write");
        await Task.WhenAll(grain.WorkAsync(100), grain.ReadAsync(100), grain.WorkAsync(100));
        Assert.Equal(1, await grain.GetMaxInFlightAsync());
    }

    [Fact]
    public async Task AlwaysInterleave_RunsBesideARunningRequest()
    {
        var grain = _silo.GrainFactory.GetGrain<ISerialInFlightGrain>("interleave");
        await Task.WhenAll(grain.WorkAsync(200), grain.InterleaveAsync(200));
        Assert.Equal(2, await grain.GetMaxInFlightAsync());
    }

    [Fact]
    public async Task CallCycle_WithoutReentrancy_TimesOut()
    {
        await using var silo = await TestSiloHost.StartAsync(o => o.ResponseTimeout = TimeSpan.FromSeconds(1));
        var grain = silo.GrainFactory.GetGrain<IPingGrain>("a");
        await Assert.ThrowsAsync<TimeoutException>(() => grain.PingViaAsync("b", allowReentrancy: false));
    }

    [Fact]
    public async Task CallCycle_WithCallChainReentrancy_Succeeds()
    {
        var grain = _silo.GrainFactory.GetGrain<IPingGrain>("a2");
        Assert.Equal("pong from a2", await grain.PingViaAsync("b2", allowReentrancy: true));
    }

    [Fact]
    public async Task HungMethod_TimesOut_AndRunsOnlyOnce()
    {
        await using var silo = await TestSiloHost.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMilliseconds(300));
        var grain = silo.GrainFactory.GetGrain<IEchoGrain>("hung");
        await Assert.ThrowsAsync<TimeoutException>(() => grain.HangAsync(TimeSpan.FromSeconds(1)));
        await Eventually.WaitAsync("the hung call to finish", async () =>
        {
            try
            {
                return await grain.GetCallsAsync() == 1;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10));
        Assert.Equal(1, await grain.GetCallsAsync());
    }
}
