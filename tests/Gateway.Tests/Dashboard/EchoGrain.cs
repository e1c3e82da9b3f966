namespace Actors.Gateway.Tests.Dashboard;

public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<string> EchoAsync(string value) => Task.FromResult(value);
}
