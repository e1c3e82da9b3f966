using Actors.Runtime;

namespace Actors.Placement;

/// <summary>
/// Highest-random-weight hashing: each grain goes to the candidate silo with the highest hash of
/// (grain, silo). Adding or removing a silo moves only the grains that silo wins or held.
/// </summary>
public static class RendezvousPlacement
{
    public static SiloAddress? Choose(GrainId grainId, IEnumerable<SiloAddress> candidates)
    {
        var grainHash = grainId.GetUniformHashCode();
        SiloAddress? best = null;
        ulong bestWeight = 0;
        foreach (var silo in candidates)
        {
            var weight = Weight(grainHash, silo.GetUniformHashCode());
            if (best is null || weight > bestWeight || (weight == bestWeight && silo.CompareTo(best) < 0))
            {
                best = silo;
                bestWeight = weight;
            }
        }
        return best;
    }

    // A 64-bit mix of both hashes (splitmix64 finalizer) so weights are uniform even for similar inputs.
    private static ulong Weight(uint grainHash, uint siloHash)
    {
        var x = ((ulong)grainHash << 32) | siloHash;
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }
}
