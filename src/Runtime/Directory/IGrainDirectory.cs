namespace Actors.Runtime.Directory;

/// <summary>
/// The cluster-wide grain directory (Orleans' ADO.NET directory model): registration is atomic in the
/// database, so at most one activation per grain is registered at a time.
/// </summary>
public interface IGrainDirectory
{
    /// <summary>
    /// Registers <paramref name="address"/> if the grain has no entry, or replaces the entry only if it is
    /// exactly <paramref name="previousAddress"/>. Returns the entry that holds afterwards: the caller won
    /// when it is its own activation.
    /// </summary>
    Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress, CancellationToken cancellationToken);

    /// <summary>Removes the entry only if it still names this activation.</summary>
    Task UnregisterAsync(GrainAddress address, CancellationToken cancellationToken);

    Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Removes every entry that points at these silos; idempotent, called by every silo that sees them Dead.</summary>
    Task UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken);

    /// <summary>Every entry on one silo, for the management API and tests.</summary>
    Task<IReadOnlyList<GrainAddress>> ListBySiloAsync(SiloAddress silo, CancellationToken cancellationToken);
}
