using Actors.Runtime;

namespace Actors.Gateway.Tests.Dashboard;

/// <summary>Persistent state for the drill-down, a failing method for error rates, a timer for timer ticks.</summary>
public sealed class TallyGrain([PersistentState("tally")] IPersistentState<TallyState> state) : Grain, ITallyGrain
{
    public async Task<int> AddAsync(int amount)
    {
        state.State.Total += amount;
        state.State.Label = "tally " + GrainId.Key;
        await state.WriteStateAsync();
        return state.State.Total;
    }

    public Task FailAsync(string message) => throw new InvalidOperationException(message);

    public Task StartTickingAsync(int periodMs)
    {
        this.RegisterGrainTimer(_ => Task.CompletedTask, TimeSpan.FromMilliseconds(periodMs), TimeSpan.FromMilliseconds(periodMs));
        return Task.CompletedTask;
    }
}
