namespace Actors.Runtime.Tests.TestGrains;

[KeepAlive]
public sealed class KeptAliveGrain : Grain, IKeptAliveGrain
{
    private readonly string _activationId = Guid.NewGuid().ToString("N");

    public Task<string> GetActivationIdAsync() => Task.FromResult(_activationId);
}
