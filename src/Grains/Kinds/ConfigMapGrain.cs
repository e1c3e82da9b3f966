using Actors.Grains.Abstractions.Store;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Objects;
using Actors.Placement;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Kinds;

/// <summary>The writer of one ConfigMap object.</summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class ConfigMapGrain(IObjectStore store, ILogger<ConfigMapGrain> logger) : ResourceGrain(store, logger, "ConfigMap", "v1"), IConfigMapGrain;
