namespace Actors.Runtime.Tests.TestGrains;

public sealed class ReminderGrain : Grain, IReminderGrain
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Ticks = new();

    public Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(name, dueTime, period);

    public Task<int> GetTicksAsync() => Task.FromResult(Ticks.GetValueOrDefault(GrainId.Key));

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.AddOrUpdate(GrainId.Key, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
