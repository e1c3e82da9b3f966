using Actors.Grains.Abstractions.Store;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Objects;
using Actors.Placement;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Kinds;

/// <summary>The writer of one Namespace object.</summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class NamespaceGrain(IObjectStore store, ILogger<NamespaceGrain> logger) : ResourceGrain(store, logger, "Namespace", "v1"), INamespaceGrain;
