namespace Actors.Grains.Controllers.Ownership;

/// <summary>
/// Kubernetes' controller-ref claiming (a ReplicaSet over pods, a Deployment over ReplicaSets): an owner keeps
/// what it controls while its selector matches, releases what it controls once the labels stop matching, and
/// adopts matching orphans. Objects of another controller are never touched, and an owner being deleted neither
/// adopts nor releases, so its dependents stay with it for the garbage collector.
/// </summary>
public static class ClaimPlanner
{
    public static ClaimPlan Plan(string ownerUid, bool ownerDeleting, IReadOnlyList<ClaimCandidate> candidates)
    {
        var keep = new List<string>();
        var adopt = new List<string>();
        var release = new List<string>();
        foreach (var candidate in candidates)
        {
            if (candidate.ControllerUid == ownerUid)
            {
                (candidate.Matches || ownerDeleting ? keep : release).Add(candidate.Name);
            }
            else if (candidate.ControllerUid is null && candidate.Matches && !ownerDeleting && !candidate.Deleting)
            {
                adopt.Add(candidate.Name);
            }
        }
        return new ClaimPlan(keep, adopt, release);
    }
}
