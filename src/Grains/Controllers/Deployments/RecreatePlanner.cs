namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// The Recreate strategy: every old ReplicaSet goes to zero, and only when none of their pods is left does
/// the new ReplicaSet scale up.
/// </summary>
public static class RecreatePlanner
{
    /// <param name="oldPodsRemaining">Pods of old ReplicaSets that still exist, terminating ones included.</param>
    public static IReadOnlyList<ScaleAction> Plan(RolloutInput input, int oldPodsRemaining)
    {
        var scaleDown = input.Old.Where(r => r.Replicas > 0).Select(r => new ScaleAction(r.Name, 0)).ToArray();
        if (scaleDown.Length > 0)
        {
            return scaleDown;
        }
        if (oldPodsRemaining > 0 || input.New.Replicas == input.Desired)
        {
            return [];
        }
        return [new ScaleAction(input.New.Name, input.Desired)];
    }
}
