namespace Actors.Grains.Scheduling;

/// <summary>A pod bound to a node as the scheduler sees it: for anti-affinity (namespace, labels) and for spreading (its controller).</summary>
public sealed record BoundPod(string Namespace, IReadOnlyDictionary<string, string> Labels, string? ControllerUid);
