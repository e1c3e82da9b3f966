namespace Actors.Runtime.Tests.TestGrains;

public sealed class ChangingTimerGrain : Grain, IChangingTimerGrain
{
    private int _changed;
    private int _clock;

    public Task StartAsync()
    {
        IGrainTimer? changing = null;
        changing = this.RegisterGrainTimer(_ =>
        {
            if (++_changed == 3)
            {
                changing!.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20));
        this.RegisterGrainTimer(_ =>
        {
            _clock++;
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20));
        return Task.CompletedTask;
    }

    public Task<(int Changed, int Clock)> GetTicksAsync() => Task.FromResult((_changed, _clock));
}
