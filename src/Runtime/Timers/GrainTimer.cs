using Actors.Runtime.Activation;
using Actors.Runtime.Statistics;

namespace Actors.Runtime;

/// <summary>
/// A grain timer (Orleans' GrainTimer): each tick is queued into the activation as a work item; the next
/// tick is armed only after the previous one completed, so ticks never overlap.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly TimeProvider _time;
    private readonly GrainCallStatistics _statistics;
    private readonly CancellationTokenSource _disposed = new();
    private readonly object _lock = new();
    private ITimer? _timer;
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private bool _ticking;
    private long _ticks;

    public GrainTimer(ActivationData activation, Func<object?, CancellationToken, Task> callback, object? state,
        GrainTimerCreationOptions options, TimeProvider time, GrainCallStatistics statistics)
    {
        _activation = activation;
        _callback = callback;
        _state = state;
        _time = time;
        _statistics = statistics;
        _dueTime = options.DueTime;
        _period = options.Period;
        Interleave = options.Interleave;
        KeepAlive = options.KeepAlive;
    }

    public bool Interleave { get; }

    public bool KeepAlive { get; }

    public void Start() => Arm(_dueTime);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _dueTime = dueTime;
            _period = period;
            if (_ticking)
            {
                // Applied when the running tick completes, as Orleans defers Change during a callback.
                return;
            }
        }
        Arm(dueTime);
    }

    private void Arm(TimeSpan dueTime)
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested || dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }
            _timer ??= DetachedTimer.Create(_time, _ => Fire());
            _timer.Change(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested || _ticking)
            {
                return;
            }
            _ticking = true;
        }
        var item = new TimerWorkItem(this);
        if (!_activation.TryEnqueue(item))
        {
            Dispose();
        }
    }

    internal async Task TickAsync()
    {
        try
        {
            if (!_disposed.IsCancellationRequested)
            {
                Interlocked.Increment(ref _ticks);
                _statistics.RecordTimerTick(_activation.GrainClass.GrainType);
                await _callback(_state, _disposed.Token);
            }
        }
        finally
        {
            TimeSpan next;
            lock (_lock)
            {
                _ticking = false;
                next = _period;
            }
            Arm(next);
        }
    }

    public GrainTimerInfo Describe()
    {
        lock (_lock)
        {
            return new GrainTimerInfo(_dueTime, _period, Interleave, KeepAlive, Interlocked.Read(ref _ticks));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }
            _disposed.Cancel();
            _timer?.Dispose();
        }
        _activation.RemoveTimer(this);
    }
}
