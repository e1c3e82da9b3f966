using Actors.Runtime.Tests.TestGrains;

namespace Actors.Runtime.Tests.Core;

[Trait("Category", "Unit")]
public sealed class CallTests : IAsyncLifetime
{
    private TestSiloHost _silo = null!;

    public async ValueTask InitializeAsync() => _silo = await TestSiloHost.StartAsync();

    public ValueTask DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task Methods_ReturnTasksAndValueTasks()
    {
        var grain = _silo.GrainFactory.GetGrain<IEchoGrain>("echo");
        Assert.Equal("hello", await grain.EchoAsync("hello"));
        Assert.Equal(5, await grain.AddAsync(2, 3));
    }

    [Fact]
    public async Task ThrowingMethod_SurfacesTypeAndMessage_AndActivationStaysUsable()
    {
        var grain = _silo.GrainFactory.GetGrain<ICounterGrain>("thrower");
        var before = await grain.GetActivationIdAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync("boom"));
        Assert.Equal("boom", error.Message);
        Assert.Equal(1, await grain.IncrementAsync());
        Assert.Equal(before, await grain.GetActivationIdAsync());
    }

    [Fact]
    public async Task Arguments_AreIsolatedBetweenCallerAndCallee()
    {
        var grain = _silo.GrainFactory.GetGrain<IEchoGrain>("isolation");
        var items = new List<string> { "a" };
        var returned = await grain.KeepAndReturnAsync(items);
        items.Add("caller-mutation");
        returned.Add("result-mutation");
        Assert.Equal(["a"], await grain.GetKeptAsync());
    }

    [Fact]
    public async Task StreamingMethod_YieldsEveryItem()
    {
        var grain = _silo.GrainFactory.GetGrain<IEchoGrain>("stream");
        var items = new List<int>();
        await foreach (var item in grain.CountAsync(100))
        {
            items.Add(item);
        }
        Assert.Equal(Enumerable.Range(1, 100), items);
    }

    [Fact]
    public async Task UnregisteredInterface_IsAClearError()
    {
        var error = Assert.Throws<GrainCallException>(() => _silo.GrainFactory.GetGrain<IUnimplementedGrain>("x"));
        Assert.Contains(nameof(IUnimplementedGrain), error.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task ManyGrains_EachActivatedOnce()
    {
        var keys = Enumerable.Range(0, 200).Select(i => "many-" + i).ToArray();
        await Task.WhenAll(keys.SelectMany(k => Enumerable.Range(0, 5).Select(_ => _silo.GrainFactory.GetGrain<ICounterGrain>(k).GetAsync())));
        foreach (var key in keys)
        {
            Assert.Equal(1, ActivationLog.ActivationsOf(new GrainId("counter", key)));
        }
    }
}

public interface IUnimplementedGrain : IGrainWithStringKey
{
    Task DoAsync();
}
