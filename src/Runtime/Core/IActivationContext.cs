using Actors.Runtime.Reminders;

namespace Actors.Runtime;

/// <summary>The runtime side of one activation, as its grain sees it.</summary>
internal interface IActivationContext
{
    GrainId GrainId { get; }

    SiloAddress Silo { get; }

    IGrainFactory GrainFactory { get; }

    IServiceProvider ServiceProvider { get; }

    void Deactivate(DeactivationReason reason);

    void MigrateOnIdle();

    void DelayDeactivation(TimeSpan timeSpan);

    IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options);

    IReminderRegistry Reminders { get; }
}
