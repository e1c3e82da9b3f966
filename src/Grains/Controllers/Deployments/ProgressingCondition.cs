namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// The Deployment's Progressing condition, as Kubernetes' deployment controller keeps it: paused and resumed
/// (status Unknown), a new ReplicaSet created or found, progress (more updated, ready or available pods, or fewer
/// old ones) refreshing its lastUpdateTime, completion, and — when nothing progressed within the deadline —
/// False with ProgressDeadlineExceeded. Null when the Deployment has no deadline, which removes the condition.
/// </summary>
public static class ProgressingCondition
{
    public const string Type = "Progressing";
    public const string NewReplicaSetCreated = "NewReplicaSetCreated";
    public const string FoundNewReplicaSet = "FoundNewReplicaSet";
    public const string ReplicaSetUpdated = "ReplicaSetUpdated";
    public const string NewReplicaSetAvailable = "NewReplicaSetAvailable";
    public const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";
    public const string DeploymentPaused = "DeploymentPaused";
    public const string DeploymentResumed = "DeploymentResumed";

    public static DeploymentCondition? Next(ProgressInput input)
    {
        if (input.ProgressDeadlineSeconds == ProgressDeadline.None)
        {
            return null;
        }
        var current = input.Current;
        var now = input.Now;
        var rs = input.NewReplicaSet;
        // A paused rollout is not expected to progress, so it cannot time out.
        if (input.Paused)
        {
            return current?.Reason == DeploymentPaused ? current : Set(current, "Unknown", DeploymentPaused, "Deployment is paused", now);
        }
        if (current?.Reason == DeploymentPaused)
        {
            current = Set(current, "Unknown", DeploymentResumed, "Deployment is resumed", now);
        }
        if (input.NewReplicaSetCreated)
        {
            current = Set(current, "True", NewReplicaSetCreated, $"Created new replica set \"{rs}\"", now);
        }
        else if (current is null)
        {
            current = Set(null, "True", FoundNewReplicaSet, $"Found new replica set \"{rs}\"", now);
        }

        var after = input.After;
        if (after.Replicas == after.Updated && current.Reason == NewReplicaSetAvailable)
        {
            return current;
        }
        if (after.Updated == input.Desired && after.Replicas == input.Desired && after.Available == input.Desired)
        {
            return Set(current, "True", NewReplicaSetAvailable, $"ReplicaSet \"{rs}\" has successfully progressed.", now);
        }
        if (Progressed(input.Before, after))
        {
            // Progress always moves lastUpdateTime, even with the same reason: the deadline counts from it.
            return new DeploymentCondition(Type, "True", ReplicaSetUpdated, $"ReplicaSet \"{rs}\" is progressing.", now,
                current.Status == "True" ? current.LastTransitionTime : now);
        }
        if (ProgressDeadline.TimedOut(current, now, input.ProgressDeadlineSeconds))
        {
            return Set(current, "False", ProgressDeadlineExceeded, $"ReplicaSet \"{rs}\" has timed out progressing.", now);
        }
        return current;
    }

    private static bool Progressed(RolloutCounts before, RolloutCounts after) =>
        after.Updated > before.Updated || after.Old < before.Old || after.Ready > before.Ready || after.Available > before.Available;

    /// <summary>Kubernetes' SetDeploymentCondition: the same status and reason change nothing; the same status keeps its transition time.</summary>
    private static DeploymentCondition Set(DeploymentCondition? current, string status, string reason, string message, DateTimeOffset now)
    {
        if (current is not null && current.Status == status && current.Reason == reason)
        {
            return current;
        }
        return new DeploymentCondition(Type, status, reason, message, now, current?.Status == status ? current.LastTransitionTime : now);
    }
}
