using Actors.Runtime.Hosting;
using Actors.Runtime.Reminders;
using Actors.Runtime.Statistics;
using Actors.Storage;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Activation;

/// <summary>The silo's services every activation uses.</summary>
internal sealed class ActivationServices
{
    public required SiloAddress Silo { get; init; }

    public required IGrainFactory GrainFactory { get; init; }

    public required IServiceProvider ServiceProvider { get; init; }

    public required IReminderRegistry Reminders { get; init; }

    public required IGrainStorage Storage { get; init; }

    public required TimeProvider Time { get; init; }

    public required SiloOptions Options { get; init; }

    public required ILogger Logger { get; init; }

    public required GrainCallStatistics Statistics { get; init; }

    /// <summary>Called when an activation is gone: unregisters it and reroutes work that was still waiting.</summary>
    public required Func<ActivationData, IReadOnlyList<WorkItem>, Task> OnDeactivatedAsync { get; init; }
}
