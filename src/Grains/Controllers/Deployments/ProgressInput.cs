namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// What decides a Deployment's Progressing condition: the condition as stored, the counts as last written and as
/// now observed, the spec's replicas, pause and deadline, the new ReplicaSet (and whether this pass created it),
/// and the time.
/// </summary>
public sealed record ProgressInput(
    DeploymentCondition? Current,
    RolloutCounts Before,
    RolloutCounts After,
    int Desired,
    bool Paused,
    int ProgressDeadlineSeconds,
    string NewReplicaSet,
    bool NewReplicaSetCreated,
    DateTimeOffset Now);
