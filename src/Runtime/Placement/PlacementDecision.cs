using Actors.Runtime;
using Actors.Runtime.Membership;

namespace Actors.Placement;

/// <summary>Where a grain without an activation should be created, given the membership view.</summary>
public static class PlacementDecision
{
    /// <summary>
    /// Null when no silo may host it: for a pinned grain, its named silo is not Active (calls fail fast);
    /// otherwise, no Active silo has the required role.
    /// </summary>
    /// <summary>The role of a process that joins only to call grains (tests, tools); placement never picks it.</summary>
    public const string ClientRole = "client";

    public static SiloAddress? Choose(GrainId grainId, string? requiredRole, bool pinnedToSiloName, MembershipSnapshot snapshot)
    {
        var active = snapshot.Active.Where(e => e.RoleName != ClientRole);
        if (pinnedToSiloName)
        {
            return active.Where(e => e.SiloName == grainId.Key).Select(e => e.SiloAddress).OrderByDescending(s => s.Generation).FirstOrDefault();
        }
        return RendezvousPlacement.Choose(grainId, active.Where(e => requiredRole is null || e.RoleName == requiredRole).Select(e => e.SiloAddress));
    }
}
