
namespace Actors.Grains.Kinds;

/// <summary>The writer of one Secret object.</summary>
[SiloRolePlacement(ControlPlane.Role)]
public sealed class SecretGrain(IObjectStore store, ILogger<SecretGrain> logger) : ResourceGrain(store, logger, "Secret", "v1"), ISecretGrain;
