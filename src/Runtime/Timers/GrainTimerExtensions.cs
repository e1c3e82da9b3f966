namespace Actors;

public static class GrainTimerExtensions
{
    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        grain.Context.RegisterTimer((_, ct) => callback(ct), null, options);

    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        grain.RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    public static IGrainTimer RegisterGrainTimer<TState>(this IGrainBase grain, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options) =>
        grain.Context.RegisterTimer((s, ct) => callback((TState)s!, ct), state, options);
}
