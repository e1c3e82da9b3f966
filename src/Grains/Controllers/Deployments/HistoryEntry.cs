namespace Actors.Grains.Controllers.Deployments;

/// <summary>
/// What history cleanup needs to know about one old ReplicaSet: its revision, its replicas (spec) and pods
/// (status), whether its status reflects its latest spec, and whether it is already being deleted.
/// </summary>
public sealed record HistoryEntry(string Name, long Revision, int Replicas, int Pods, bool Settled, bool Deleting);
