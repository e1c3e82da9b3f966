namespace Actors.Runtime.Tests.TestGrains;

[CollectionAgeLimit(0.01)]
public sealed class TimedCollectedGrain : Grain, ITimedCollectedGrain
{
    private readonly string _activationId = Guid.NewGuid().ToString("N");

    public Task StartTimerAsync(bool keepAlive)
    {
        this.RegisterGrainTimer(_ => Task.CompletedTask,
            new GrainTimerCreationOptions(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50)) { KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public Task<string> GetActivationIdAsync() => Task.FromResult(_activationId);
}
