using Actors.Runtime.Hosting;
using Actors.Runtime.Sql;
using Actors.Runtime.Tests.TestGrains;
using Actors.Storage;
using Actors.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Runtime.Tests.Core;

[Trait("Category", "Unit")]
public sealed class TimerOptionTests : IAsyncLifetime
{
    private TestSiloHost _silo = null!;

    public async ValueTask InitializeAsync() => _silo = await TestSiloHost.StartAsync();

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task ChangeInsideTheCallback_StopsTheTimer()
    {
        var grain = _silo.GrainFactory.GetGrain<IChangingTimerGrain>("change");
        await grain.StartAsync();
        await Eventually.WaitAsync("the clock timer to run well past the third tick", async () => (await grain.GetTicksAsync()).Clock >= 15, TimeSpan.FromSeconds(10));
        Assert.Equal(3, (await grain.GetTicksAsync()).Changed);
    }

    [Fact]
    public async Task KeepAliveTimer_PreventsCollection_OtherTimersDoNot()
    {
        var plain = _silo.GrainFactory.GetGrain<ITimedCollectedGrain>("plain");
        var keeping = _silo.GrainFactory.GetGrain<ITimedCollectedGrain>("keeping");
        await plain.StartTimerAsync(keepAlive: false);
        await keeping.StartTimerAsync(keepAlive: true);
        await Eventually.WaitAsync("the grain with a plain timer to be collected",
            () => !_silo.Silo.Management.GetActivationIds("timedcollected", 10).Contains("timedcollected/plain"), TimeSpan.FromSeconds(10));
        Assert.Contains("timedcollected/keeping", _silo.Silo.Management.GetActivationIds("timedcollected", 10));
    }

    [Fact]
    public async Task SqliteState_SurvivesASiloRestart()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "actors.db");
        for (var life = 1; life <= 2; life++)
        {
            await using var database = Database.ForSqliteFile(file);
            var stores = await SqlStores.CreateAsync(database, "actors", TestContext.Current.CancellationToken);
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddSilo(silo =>
            {
                silo.AddGrains(typeof(CounterGrain).Assembly);
                silo.UseGrainStorage(_ => stores.GrainStorage);
                silo.UseReminderTable(_ => stores.ReminderTable);
            });
            using var host = builder.Build();
            await host.StartAsync(TestContext.Current.CancellationToken);
            var counter = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>("sqlite-restart");
            Assert.Equal(life * 2 - 1, await counter.IncrementAsync());
            Assert.Equal(life * 2, await counter.IncrementAsync());
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }
}
