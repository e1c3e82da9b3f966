
namespace Actors.Grains.Kinds;

/// <summary>The writer of one Service object.</summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class ServiceGrain(IObjectStore store, ILogger<ServiceGrain> logger) : ResourceGrain(store, logger, "Service", "v1"), IServiceGrain;
