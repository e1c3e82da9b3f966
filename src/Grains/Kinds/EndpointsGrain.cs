
namespace Actors.Grains.Kinds;

/// <summary>The writer of one Endpoints object.</summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class EndpointsGrain(IObjectStore store, ILogger<EndpointsGrain> logger) : ResourceGrain(store, logger, "Endpoints", "v1"), IEndpointsGrain;
