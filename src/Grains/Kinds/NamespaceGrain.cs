
namespace Actors.Grains.Kinds;

/// <summary>The writer of one Namespace object.</summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class NamespaceGrain(IObjectStore store, ILogger<NamespaceGrain> logger) : ResourceGrain(store, logger, "Namespace", "v1"), INamespaceGrain;
