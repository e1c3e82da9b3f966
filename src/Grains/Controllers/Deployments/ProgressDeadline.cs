namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// Kubernetes' progress deadline check: a rollout has timed out when its Progressing condition was last updated
/// (by progress) longer ago than <c>progressDeadlineSeconds</c>. A finished rollout never times out, and one that
/// timed out stays so until it progresses again.
/// </summary>
public static class ProgressDeadline
{
    public const int DefaultSeconds = 600;

    /// <summary>The value that means "no deadline" (Go's MaxInt32), as Kubernetes reads it.</summary>
    public const int None = int.MaxValue;

    public static bool TimedOut(DeploymentCondition? progressing, DateTimeOffset now, int progressDeadlineSeconds)
    {
        if (progressDeadlineSeconds == None || progressing is null || progressing.Reason == ProgressingCondition.NewReplicaSetAvailable)
        {
            return false;
        }
        return progressing.Reason == ProgressingCondition.ProgressDeadlineExceeded
            || progressing.LastUpdateTime.AddSeconds(progressDeadlineSeconds) < now;
    }
}
