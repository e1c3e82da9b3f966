namespace Actors.Runtime.Tests.TestGrains;

public sealed class EchoGrain : Grain, IEchoGrain
{
    private List<string> _kept = [];
    private int _calls;

    public Task<string> EchoAsync(string value)
    {
        _calls++;
        return Task.FromResult(value);
    }

    public ValueTask<int> AddAsync(int a, int b) => ValueTask.FromResult(a + b);

    public Task<List<string>> KeepAndReturnAsync(List<string> items)
    {
        _kept = items;
        return Task.FromResult(items);
    }

    public Task<List<string>> GetKeptAsync() => Task.FromResult(_kept);

    public async Task HangAsync(TimeSpan duration)
    {
        _calls++;
        await Task.Delay(duration);
    }

    public Task<int> GetCallsAsync() => Task.FromResult(_calls);

    public async IAsyncEnumerable<int> CountAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }
}
