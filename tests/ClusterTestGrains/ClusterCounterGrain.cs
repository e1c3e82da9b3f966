using Actors.Placement;
using Actors.Runtime;

namespace Actors.ClusterTestGrains;

[SiloRolePlacement("control-plane")]
public sealed class ClusterCounterGrain([PersistentState("counter")] IPersistentState<ClusterCounterState> state) : Grain, IClusterCounterGrain
{
    private readonly string _activationId = Guid.NewGuid().ToString("N");

    public async Task<CounterReply> IncrementAsync()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return Reply();
    }

    public Task<CounterReply> GetAsync() => Task.FromResult(Reply());

    public Task StartReminderAsync(TimeSpan period) => this.RegisterOrUpdateReminder("tick", period, period);

    public Task<CounterReply> IncrementOtherAsync(string key) => GrainFactory.GetGrain<IClusterCounterGrain>(key).IncrementAsync();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.ReminderTicks++;
        await state.WriteStateAsync();
    }

    private CounterReply Reply() => new(state.State.Value, state.State.ReminderTicks, RuntimeSilo.ToParsableString(), _activationId);
}
