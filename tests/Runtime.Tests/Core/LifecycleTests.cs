using Actors.Runtime.Tests.TestGrains;
using Actors.TestSupport;

namespace Actors.Runtime.Tests.Core;

[Trait("Category", "Unit")]
public sealed class LifecycleTests : IAsyncLifetime
{
    private TestSiloHost _silo = null!;

    public async ValueTask InitializeAsync() => _silo = await TestSiloHost.StartAsync();

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task State_SurvivesDeactivation()
    {
        var grain = _silo.GrainFactory.GetGrain<ICounterGrain>("persisted");
        await grain.IncrementAsync();
        await grain.IncrementAsync();
        var first = await grain.GetActivationIdAsync();
        await grain.DeactivateAsync();
        await Eventually.WaitAsync("counter/persisted to deactivate", () => ActivationLog.DeactivationsOf(new GrainId("counter", "persisted")) == 1, TimeSpan.FromSeconds(5));
        Assert.Equal(2, await grain.GetAsync());
        Assert.NotEqual(first, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task StaleWrite_ThrowsInconsistentState_AndDeactivates()
    {
        var grain = _silo.GrainFactory.GetGrain<ICounterGrain>("stale");
        await grain.IncrementAsync();
        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetStaleAndWriteAsync());
        await Eventually.WaitAsync("the stale activation to deactivate", () => ActivationLog.DeactivationsOf(new GrainId("counter", "stale")) == 1, TimeSpan.FromSeconds(5));
        Assert.Equal(100, await grain.GetAsync());
    }

    [Fact]
    public async Task IdleActivation_IsCollected_KeepAliveIsNot()
    {
        var collected = _silo.GrainFactory.GetGrain<ICollectedGrain>("idle");
        var kept = _silo.GrainFactory.GetGrain<IKeptAliveGrain>("idle");
        var collectedId = await collected.GetActivationIdAsync();
        var keptId = await kept.GetActivationIdAsync();
        await Eventually.WaitAsync("the idle activation to be collected",
            () => !_silo.Silo.Management.GetActivationIds("collected", 10).Contains("collected/idle"), TimeSpan.FromSeconds(10));
        Assert.NotEqual(collectedId, await collected.GetActivationIdAsync());
        Assert.Equal(keptId, await kept.GetActivationIdAsync());
    }

    [Fact]
    public async Task Timers_TickExactly_NeverOverlap_AndInterleaveWithCallsOnlyBetweenTurns()
    {
        var grain = _silo.GrainFactory.GetGrain<ITimerGrain>("three");
        await grain.StartAsync(timers: 3, ticksEach: 10, periodMs: 10);
        var calls = Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.GetReportAsync()));
        await Eventually.WaitAsync("every timer to tick 10 times", async () => (await grain.GetReportAsync()).Ticks.All(t => t == 10), TimeSpan.FromSeconds(10));
        await calls;
        var report = await grain.GetReportAsync();
        Assert.Equal([10, 10, 10], report.Ticks);
        Assert.Equal(1, report.MaxConcurrent);
    }

    [Fact]
    public async Task Timers_StopOnDeactivation()
    {
        var grain = _silo.GrainFactory.GetGrain<ITimerGrain>("stopping");
        await grain.StartForeverAsync(periodMs: 20);
        await Eventually.WaitAsync("the timer to tick", async () => (await grain.GetReportAsync()).Ticks[0] > 2, TimeSpan.FromSeconds(5));
        var activation = _silo.Services.GetService(typeof(Activation.Catalog)) as Activation.Catalog;
        Assert.NotNull(activation);
        Assert.True(activation.TryGet(new GrainId("timer", "stopping"), out var data));
        var timers = data.Timers;
        Assert.Single(timers);
        await data.DeactivateAsync(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "test"));
        Assert.Empty(data.Timers);
        var ticksAtStop = timers[0].Ticks;
        var fresh = await grain.GetReportAsync();
        Assert.Empty(fresh.Ticks);
        Assert.True(ticksAtStop > 2);
    }

    [Fact]
    public async Task Reminder_FiresAndReactivatesTheGrain()
    {
        var grain = _silo.GrainFactory.GetGrain<IReminderGrain>("keeper");
        await grain.RegisterAsync("keeper", TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200));
        await Eventually.WaitAsync("three reminder ticks", async () => await grain.GetTicksAsync() >= 3, TimeSpan.FromSeconds(10));
    }
}
