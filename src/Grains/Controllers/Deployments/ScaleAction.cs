namespace Actors.Grains.Controllers.Deployments;

/// <summary>Set a ReplicaSet's replicas.</summary>
public sealed record ScaleAction(string ReplicaSet, int Replicas);
