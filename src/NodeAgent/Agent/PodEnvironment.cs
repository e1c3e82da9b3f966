namespace Actors.NodeAgent.Agent;

/// <summary>
/// The ConfigMaps and Secrets of the pod's namespace that its containers refer to, read by the agent before a
/// start (Secret values already decoded), and where the pod's volumes live on this machine.
/// </summary>
public sealed record PodEnvironment(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ConfigMaps,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Secrets,
    string VolumeDirectory);
