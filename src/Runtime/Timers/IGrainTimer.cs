namespace Actors;

/// <summary>A timer owned by one activation; disposed with it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the timer; inside a tick, takes effect when the tick completes.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
