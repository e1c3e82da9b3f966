namespace Actors.Runtime.Tests.TestGrains;

/// <summary>Counts requests in flight; subclasses choose the concurrency attributes.</summary>
public abstract class InFlightGrainBase : Grain, IInFlightGrain
{
    private int _inFlight;
    private int _maxInFlight;

    public Task<int> WorkAsync(int delayMs) => TrackAsync(delayMs);

    public Task<int> ReadAsync(int delayMs) => TrackAsync(delayMs);

    public Task<int> InterleaveAsync(int delayMs) => TrackAsync(delayMs);

    public Task<int> GetMaxInFlightAsync() => Task.FromResult(_maxInFlight);

    private async Task<int> TrackAsync(int delayMs)
    {
        // Unsynchronized on purpose: the turn model is what keeps these counters right.
        _inFlight++;
        _maxInFlight = Math.Max(_maxInFlight, _inFlight);
        await Task.Delay(delayMs);
        _inFlight--;
        return _maxInFlight;
    }
}
