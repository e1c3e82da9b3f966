namespace Actors.NodeAgent.Runtime;

/// <summary>The engine's word that one of a pod's containers (its sandbox included) started, or died or went away.</summary>
public sealed record PodContainerChange(string PodUid, string ContainerId, bool Started);
