namespace Actors.Runtime.Tests.TestGrains;

public sealed class CounterState
{
    public int Value { get; set; }
}

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    private readonly string _activationId = Guid.NewGuid().ToString("N");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ActivationLog.Activated(GrainId);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ActivationLog.Deactivated(GrainId);
        return Task.CompletedTask;
    }

    public async Task<int> IncrementAsync()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Value);

    public Task FailAsync(string message) => throw new InvalidOperationException(message);

    public async Task SetStaleAndWriteAsync()
    {
        // Another writer moves the stored version on; this activation's ETag is now stale.
        var storage = (Actors.Storage.IGrainStorage)ServiceProvider.GetService(typeof(Actors.Storage.IGrainStorage))!;
        await storage.WriteAsync("counter/counter", GrainId.Key, "{\"value\":100}"u8.ToArray(), state.Etag, default);
        state.State.Value++;
        await state.WriteStateAsync();
    }

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<string> GetActivationIdAsync() => Task.FromResult(_activationId);
}
