namespace Actors.Runtime.Activation;

/// <summary>
/// Runs one activation's work items one at a time on the thread pool (Orleans' WorkItemGroup): every
/// continuation of a grain's turn comes back here, so grain code never runs on two threads at once.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    [ThreadStatic]
    private static ActivationTaskScheduler? _current;

    private const long DrainQuantumMs = 100;

    // Allocated on first use and plain under a lock: an idle activation should cost a few bytes here.
    private Queue<Task>? _queue;
    private bool _scheduled;

    public override int MaximumConcurrencyLevel => 1;

    public static bool IsCurrent(ActivationTaskScheduler scheduler) => _current == scheduler;

    protected override void QueueTask(Task task)
    {
        lock (this)
        {
            (_queue ??= new Queue<Task>()).Enqueue(task);
            if (_scheduled)
            {
                return;
            }
            _scheduled = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    // Inline only when this thread already runs this activation: anything else would break the one-thread rule.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        _current == this && !taskWasPreviouslyQueued && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (this)
        {
            return _queue?.ToArray() ?? [];
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previous = _current;
        _current = this;
        var started = Environment.TickCount64;
        try
        {
            while (true)
            {
                Task? task;
                lock (this)
                {
                    if (_queue is null || !_queue.TryDequeue(out task))
                    {
                        _scheduled = false;
                        return;
                    }
                }
                TryExecuteTask(task);
                // Yield the thread after a quantum so one busy activation cannot starve the others.
                if (Environment.TickCount64 - started > DrainQuantumMs)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                    return;
                }
            }
        }
        finally
        {
            _current = previous;
        }
    }
}
