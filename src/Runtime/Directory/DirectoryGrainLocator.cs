using System.Collections.Concurrent;
using Actors.Placement;
using Actors.Runtime.Invocation;
using Actors.Runtime.Membership;

namespace Actors.Runtime.Directory;

/// <summary>
/// Cluster mode's answer to "where does this grain live" (Orleans' CachedGrainLocator over the ADO.NET
/// directory): a cached directory entry on an Active silo, else the directory, else placement. Entries that
/// point at silos that are not Active count as absent.
/// </summary>
internal sealed class DirectoryGrainLocator(IGrainDirectory directory, Func<MembershipSnapshot> snapshot) : IGrainLocator
{
    private readonly ConcurrentDictionary<GrainId, GrainAddress> _cache = new();

    public async ValueTask<SiloAddress> LocateAsync(GrainId grainId, GrainClass grainClass, CancellationToken cancellationToken)
    {
        var view = snapshot();
        if (_cache.TryGetValue(grainId, out var cached) && view.IsActive(cached.SiloAddress))
        {
            return cached.SiloAddress;
        }
        var entry = await directory.LookupAsync(grainId, cancellationToken);
        if (entry is not null && view.IsActive(entry.SiloAddress))
        {
            _cache[grainId] = entry;
            return entry.SiloAddress;
        }
        var placed = PlacementDecision.Choose(grainId, grainClass.RequiredRole, grainClass.IsPinnedToSiloName, view)
            ?? throw new SiloUnavailableException(grainClass.IsPinnedToSiloName
                ? $"{grainId} is pinned to silo '{grainId.Key}', which is not active."
                : $"No active silo has role '{grainClass.RequiredRole}' to host {grainId}.");
        // Remembered so later calls need no directory read; if another silo won the activation race, the
        // placed silo forwards there and a failure invalidates this entry.
        _cache[grainId] = new GrainAddress(grainId, "", placed, view.Version);
        return placed;
    }

    public void Invalidate(GrainId grainId) => _cache.TryRemove(grainId, out _);

    public void Remember(GrainAddress address) => _cache[address.GrainId] = address;

    /// <summary>Drops cached entries for silos that are no longer Active.</summary>
    public void OnSnapshot(MembershipSnapshot view)
    {
        foreach (var (grainId, address) in _cache)
        {
            if (!view.IsActive(address.SiloAddress))
            {
                _cache.TryRemove(KeyValuePair.Create(grainId, address));
            }
        }
    }

    /// <summary>
    /// Registers a new local activation. An entry left by a silo that is no longer Active is replaced;
    /// a live entry of another activation wins and is remembered.
    /// </summary>
    public async Task<bool> RegisterAsync(GrainAddress address, CancellationToken cancellationToken)
    {
        var view = snapshot();
        var existing = await directory.LookupAsync(address.GrainId, cancellationToken);
        var previous = existing is not null && !view.IsActive(existing.SiloAddress) ? existing : null;
        var winner = await directory.RegisterAsync(address, previous, cancellationToken);
        _cache[address.GrainId] = winner;
        return winner.ActivationId == address.ActivationId;
    }
}
