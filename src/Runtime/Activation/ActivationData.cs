using System.Diagnostics;
using Actors.Runtime.Invocation;
using Actors.Runtime.Reminders;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Activation;

/// <summary>
/// One activation of a grain: its instance, its mailbox and the admission rules that decide which waiting
/// work item may start (Orleans' ActivationData and MayInvokeRequest).
/// </summary>
internal sealed partial class ActivationData : IActivationContext
{
    private const int RecentCallCapacity = 16;

    private readonly ActivationServices _services;
    private readonly ActivationTaskScheduler _scheduler = new();
    private readonly object _lock = new();
    private Queue<WorkItem>? _waiting;
    private List<WorkItem>? _running;
    private List<GrainTimer>? _timers;
    private Queue<RecentCall>? _recentCalls;
    private long _lastActivityTicks;
    private long _keepAliveUntilTicks;
    private DeactivationReason? _pendingDeactivation;
    private TaskCompletionSource? _deactivated;

    public ActivationData(GrainId grainId, GrainClass grainClass, ActivationServices services)
    {
        GrainId = grainId;
        GrainClass = grainClass;
        _services = services;
        ActivationId = Guid.NewGuid().ToString("N");
        _lastActivityTicks = services.Time.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public GrainClass GrainClass { get; }

    public string ActivationId { get; }

    public ActivationState State { get; private set; } = ActivationState.Creating;

    public Grain? GrainInstance { get; private set; }

    /// <summary>The persistent states the grain was constructed with, for the management API.</summary>
    public IReadOnlyList<IPersistentStateInfo> PersistentStates { get; private set; } = [];

    public SiloAddress Silo => _services.Silo;

    public IGrainFactory GrainFactory => _services.GrainFactory;

    public IServiceProvider ServiceProvider => _services.ServiceProvider;

    public IReminderRegistry Reminders => _services.Reminders;

    public bool MigrationRequested { get; private set; }

    public bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                return (_running is null || _running.Count == 0) && (_waiting is null || _waiting.Count == 0);
            }
        }
    }

    public TimeSpan IdleTime => _services.Time.GetElapsedTime(Interlocked.Read(ref _lastActivityTicks));

    public bool IsKeptAlive => _services.Time.GetTimestamp() < Interlocked.Read(ref _keepAliveUntilTicks);

    public IReadOnlyList<RecentCall> RecentCalls
    {
        get
        {
            lock (_lock)
            {
                return _recentCalls?.ToArray() ?? [];
            }
        }
    }

    public IReadOnlyList<GrainTimerInfo> Timers
    {
        get
        {
            lock (_lock)
            {
                return _timers?.Select(t => t.Describe()).ToArray() ?? [];
            }
        }
    }

    /// <summary>Creates the grain, reads its state and runs OnActivateAsync, then admits waiting work.</summary>
    public async Task ActivateAsync(CancellationToken cancellationToken)
    {
        State = ActivationState.Activating;
        try
        {
            await RunOnSchedulerAsync(async () =>
            {
                var (grain, states) = GrainConstructor.Create(GrainClass, GrainId, _services);
                grain.Attach(this);
                GrainInstance = grain;
                PersistentStates = states;
                foreach (var state in states)
                {
                    await state.ReadStateAsync(cancellationToken);
                }
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_services.Options.ActivationTimeout);
                await grain.OnActivateAsync(timeout.Token);
                return true;
            });
        }
        catch (Exception exception)
        {
            LogActivationFailed(_services.Logger, GrainId, exception);
            lock (_lock)
            {
                State = ActivationState.Invalid;
                _pendingDeactivation = null;
                _deactivated?.TrySetResult();
            }
            RejectAll(new GrainCallException($"Activation of {GrainId} failed: {exception.Message}"));
            throw;
        }
        lock (_lock)
        {
            State = ActivationState.Valid;
        }
        TryAdmit();
    }

    /// <summary>Queues a work item; false when the activation no longer accepts work (the caller reroutes).</summary>
    public bool TryEnqueue(WorkItem item)
    {
        lock (_lock)
        {
            if (State is ActivationState.Deactivating or ActivationState.Invalid)
            {
                return false;
            }
            (_waiting ??= new Queue<WorkItem>()).Enqueue(item);
        }
        TryAdmit();
        return true;
    }

    /// <summary>Runs a delegate as part of the activation's turns, without admission control.</summary>
    public Task<T> RunOnSchedulerAsync<T>(Func<Task<T>> action) => StartTurn(action).Unwrap();

    /// <summary>
    /// Starts grain code on this activation's scheduler. The turn does not inherit the starter's execution
    /// context (a calling grain's turn, a timer's thread): it gets the call chain and a logging scope naming
    /// this grain, which its awaits carry along, so every line the grain logs names it and never its caller.
    /// </summary>
    private Task<TResult> StartTurn<TResult>(Func<TResult> turn)
    {
        var chain = RequestContext.CurrentChain;
        TResult Run()
        {
            // Without a captured context the task runs in the scheduler thread's own: leave it as it was.
            var threadChain = RequestContext.CurrentChain;
            RequestContext.CurrentChain = chain;
            try
            {
                using var scope = _services.Logger.BeginScope(new GrainLogScope(GrainId));
                return turn();
            }
            finally
            {
                RequestContext.CurrentChain = threadChain;
            }
        }
        if (ExecutionContext.IsFlowSuppressed())
        {
            return Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler);
        }
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler);
        }
    }

    private void TryAdmit()
    {
        List<WorkItem>? admitted = null;
        lock (_lock)
        {
            if (State != ActivationState.Valid || _waiting is null)
            {
                return;
            }
            while (_waiting.Count > 0 && MayInvoke(_waiting.Peek()))
            {
                var item = _waiting.Dequeue();
                (_running ??= []).Add(item);
                (admitted ??= []).Add(item);
            }
        }
        if (admitted is null)
        {
            return;
        }
        foreach (var item in admitted)
        {
            Start(item);
        }
    }

    // Orleans' MayInvokeRequest: idle, or the new item interleaves with everything that runs.
    private bool MayInvoke(WorkItem incoming)
    {
        if (_running is null || _running.Count == 0)
        {
            return true;
        }
        if (GrainClass.IsReentrant || incoming.IsAlwaysInterleave)
        {
            return true;
        }
        var allReadOnly = incoming.IsReadOnly;
        foreach (var running in _running)
        {
            if (running.IsAlwaysInterleave)
            {
                continue;
            }
            if (incoming.Chain is { AllowReentrancy: true } chain && running.Chain?.Id == chain.Id)
            {
                return true;
            }
            allReadOnly &= running.IsReadOnly;
        }
        return allReadOnly;
    }

    private void Start(WorkItem item)
    {
        var started = _services.Time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var task = StartTurn(() => item.RunAsync(this)).Unwrap();
        task.ContinueWith(
            completed =>
            {
                var error = item.Error ?? completed.Exception?.GetBaseException();
                Completed(item, new RecentCall(item.Name, started, stopwatch.Elapsed, error?.Message), error);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void Completed(WorkItem item, RecentCall call, Exception? error)
    {
        if (item is RequestWorkItem request)
        {
            _services.Statistics.Record(GrainClass.GrainType, request.Method.Name, call.Elapsed, error is not null);
        }
        if (item is not TimerWorkItem { KeepAlive: false })
        {
            Interlocked.Exchange(ref _lastActivityTicks, _services.Time.GetTimestamp());
        }
        bool deactivateNow;
        lock (_lock)
        {
            _running!.Remove(item);
            // Requests only: a fast timer would push every call out of the dashboard's view; ticks are counted apart.
            if (item is RequestWorkItem)
            {
                var recent = _recentCalls ??= new Queue<RecentCall>();
                if (recent.Count == RecentCallCapacity)
                {
                    recent.Dequeue();
                }
                recent.Enqueue(call);
            }
            deactivateNow = _pendingDeactivation is not null && State == ActivationState.Valid && _running.Count == 0;
            if (deactivateNow)
            {
                State = ActivationState.Deactivating;
            }
        }
        if (deactivateNow)
        {
            _ = RunDeactivationAsync(_pendingDeactivation!.Value);
        }
        else
        {
            TryAdmit();
        }
    }

    /// <summary>Deactivates once the running work completes; waiting work is rerouted to a new activation.</summary>
    public void Deactivate(DeactivationReason reason)
    {
        bool now;
        lock (_lock)
        {
            if (_pendingDeactivation is not null || State is ActivationState.Deactivating or ActivationState.Invalid)
            {
                return;
            }
            _pendingDeactivation = reason;
            now = State == ActivationState.Valid && (_running is null || _running.Count == 0);
            if (now)
            {
                State = ActivationState.Deactivating;
            }
        }
        if (now)
        {
            _ = RunDeactivationAsync(reason);
        }
    }

    /// <summary>Deactivates and completes when the activation is gone.</summary>
    public Task DeactivateAsync(DeactivationReason reason)
    {
        lock (_lock)
        {
            _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // Invalid while a deactivation is still pending means the catalog has not let go of it yet.
            if (State == ActivationState.Invalid && _pendingDeactivation is null)
            {
                _deactivated.TrySetResult();
            }
        }
        Deactivate(reason);
        return _deactivated.Task;
    }

    private async Task RunDeactivationAsync(DeactivationReason reason)
    {
        LogDeactivating(_services.Logger, GrainId, reason.ToString());
        try
        {
            await RunOnSchedulerAsync(async () =>
            {
                DisposeTimers();
                if (GrainInstance is not null)
                {
                    using var timeout = new CancellationTokenSource(_services.Options.DeactivationTimeout);
                    await GrainInstance.OnDeactivateAsync(reason, timeout.Token);
                }
                return true;
            });
        }
        catch (Exception exception)
        {
            LogDeactivationFailed(_services.Logger, GrainId, exception);
        }
        List<WorkItem> leftovers;
        lock (_lock)
        {
            State = ActivationState.Invalid;
            leftovers = _waiting is null ? [] : [.. _waiting];
            _waiting?.Clear();
        }
        await _services.OnDeactivatedAsync(this, leftovers);
        lock (_lock)
        {
            _pendingDeactivation = null;
            _deactivated?.TrySetResult();
        }
    }

    /// <summary>
    /// Gives up an activation that never activated (it lost the directory race): returns its waiting work,
    /// or fails it with <paramref name="reason"/> when given.
    /// </summary>
    public IReadOnlyList<WorkItem> Abandon(Exception? reason)
    {
        List<WorkItem> waiting;
        lock (_lock)
        {
            State = ActivationState.Invalid;
            waiting = _waiting is null ? [] : [.. _waiting];
            _waiting?.Clear();
            _pendingDeactivation = null;
            _deactivated?.TrySetResult();
        }
        if (reason is null)
        {
            return waiting;
        }
        foreach (var item in waiting)
        {
            item.Reject(reason);
        }
        return [];
    }

    private void RejectAll(Exception reason)
    {
        List<WorkItem> waiting;
        lock (_lock)
        {
            waiting = _waiting is null ? [] : [.. _waiting];
            _waiting?.Clear();
        }
        foreach (var item in waiting)
        {
            item.Reject(reason);
        }
    }

    public void MigrateOnIdle()
    {
        MigrationRequested = true;
        Deactivate(new DeactivationReason(DeactivationReasonCode.Migrating, "Migrating to the silo placement now prefers."));
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = _services.Time.GetTimestamp() + (long)(timeSpan.TotalSeconds * _services.Time.TimestampFrequency);
        Interlocked.Exchange(ref _keepAliveUntilTicks, until);
    }

    public IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, state, options, _services.Time, _services.Statistics);
        lock (_lock)
        {
            if (State is ActivationState.Deactivating or ActivationState.Invalid)
            {
                throw new InvalidOperationException($"{GrainId} is deactivating; it cannot register timers.");
            }
            (_timers ??= []).Add(timer);
        }
        timer.Start();
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            timers = _timers?.ToArray() ?? [];
        }
        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    public override string ToString() => $"[Activation {GrainId} #{ActivationId[..8]} {State}]";

    [LoggerMessage(Level = LogLevel.Error, Message = "Activation of {GrainId} failed")]
    private static partial void LogActivationFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deactivating {GrainId}: {Reason}")]
    private static partial void LogDeactivating(ILogger logger, GrainId grainId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OnDeactivateAsync of {GrainId} failed")]
    private static partial void LogDeactivationFailed(ILogger logger, GrainId grainId, Exception exception);
}
