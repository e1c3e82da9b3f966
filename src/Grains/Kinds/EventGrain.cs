
namespace Actors.Grains.Kinds;

/// <summary>The writer of one Event object.</summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class EventGrain(IObjectStore store, ILogger<EventGrain> logger) : ResourceGrain(store, logger, "Event", "v1"), IEventGrain;
