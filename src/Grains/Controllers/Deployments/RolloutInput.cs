namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// The observed state of a rolling update: the Deployment's desired replicas and its limits (already resolved
/// from IntOrString: maxSurge rounded up, maxUnavailable rounded down), the ReplicaSet of the current template,
/// and the older ones.
/// </summary>
public sealed record RolloutInput(int Desired, int MaxSurge, int MaxUnavailable, ReplicaSetView New, IReadOnlyList<ReplicaSetView> Old);
