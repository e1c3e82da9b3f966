namespace Actors.Runtime.Tests.TestGrains;

[CollectionAgeLimit(0.01)]
public sealed class CollectedGrain : Grain, ICollectedGrain
{
    private readonly string _activationId = Guid.NewGuid().ToString("N");

    public Task<string> GetActivationIdAsync() => Task.FromResult(_activationId);
}
