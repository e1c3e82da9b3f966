namespace Actors.Runtime.Tests.TestGrains;

public sealed class PingGrain : Grain, IPingGrain
{
    public async Task<string> PingViaAsync(string otherKey, bool allowReentrancy)
    {
        var other = GrainFactory.GetGrain<IPingGrain>(otherKey);
        if (!allowReentrancy)
        {
            return await other.CallBackAsync(GrainId.Key);
        }
        using (RequestContext.AllowCallChainReentrancy())
        {
            return await other.CallBackAsync(GrainId.Key);
        }
    }

    public Task<string> CallBackAsync(string originKey) => GrainFactory.GetGrain<IPingGrain>(originKey).PongAsync();

    public Task<string> PongAsync() => Task.FromResult("pong from " + GrainId.Key);
}
