using Actors.Grains.Abstractions.Store;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Objects;
using Actors.Placement;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Kinds;

/// <summary>The writer of one Service object.</summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class ServiceGrain(IObjectStore store, ILogger<ServiceGrain> logger) : ResourceGrain(store, logger, "Service", "v1"), IServiceGrain;
