namespace Actors.Runtime.Tests.TestGrains;

public sealed class TimerGrain : Grain, ITimerGrain
{
    private int[] _ticks = [];
    private int _running;
    private int _maxConcurrent;
    private int _externalCalls;

    public Task StartAsync(int timers, int ticksEach, int periodMs)
    {
        _ticks = new int[timers];
        for (var i = 0; i < timers; i++)
        {
            var index = i;
            IGrainTimer? timer = null;
            timer = this.RegisterGrainTimer(async ct =>
            {
                await TrackAsync();
                if (++_ticks[index] == ticksEach)
                {
                    timer!.Dispose();
                }
            }, TimeSpan.FromMilliseconds(periodMs), TimeSpan.FromMilliseconds(periodMs));
        }
        return Task.CompletedTask;
    }

    public Task StartForeverAsync(int periodMs)
    {
        _ticks = new int[1];
        this.RegisterGrainTimer(_ =>
        {
            _ticks[0]++;
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(periodMs), TimeSpan.FromMilliseconds(periodMs));
        return Task.CompletedTask;
    }

    public async Task<TimerReport> GetReportAsync()
    {
        _externalCalls++;
        await TrackAsync();
        return new TimerReport([.. _ticks], _maxConcurrent, _externalCalls);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ActivationLog.Deactivated(GrainId);
        return Task.CompletedTask;
    }

    private async Task TrackAsync()
    {
        _running++;
        _maxConcurrent = Math.Max(_maxConcurrent, _running);
        await Task.Delay(2);
        _running--;
    }
}
