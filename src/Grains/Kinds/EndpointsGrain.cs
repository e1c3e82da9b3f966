using Actors.Grains.Abstractions.Store;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Objects;
using Actors.Placement;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Kinds;

/// <summary>The writer of one Endpoints object.</summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class EndpointsGrain(IObjectStore store, ILogger<EndpointsGrain> logger) : ResourceGrain(store, logger, "Endpoints", "v1"), IEndpointsGrain;
