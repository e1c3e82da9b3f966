using Actors.Grains.Abstractions.Store;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Objects;
using Actors.Placement;
using Microsoft.Extensions.Logging;

namespace Actors.Grains.Kinds;

/// <summary>The writer of one Secret object.</summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class SecretGrain(IObjectStore store, ILogger<SecretGrain> logger) : ResourceGrain(store, logger, "Secret", "v1"), ISecretGrain;
