namespace Actors.Grains.Controllers.Deployments;

/// <summary>What the rollout planner needs to know about one ReplicaSet of a Deployment.</summary>
public sealed record ReplicaSetView(string Name, int Replicas, int AvailableReplicas, long Revision);
