using Actors.Grains.Abstractions.Store;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Objects;
using Actors.Placement;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Kinds;

/// <summary>The writer of one Event object.</summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class EventGrain(IObjectStore store, ILogger<EventGrain> logger) : ResourceGrain(store, logger, "Event", "v1"), IEventGrain;
