
namespace Actors.Grains.Kinds;

/// <summary>The writer of one ConfigMap object.</summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class ConfigMapGrain(IObjectStore store, ILogger<ConfigMapGrain> logger) : ResourceGrain(store, logger, "ConfigMap", "v1"), IConfigMapGrain;
