namespace Actors.Gateway.Tests.Dashboard;

public interface ITallyGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int amount);

    Task FailAsync(string message);

    Task StartTickingAsync(int periodMs);
}
