using Actors.Grains.Abstractions.Resources;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// Everything the planner looks at for one pod: what the API wants, what the engine has, the failed starts
/// the agent remembers, which containers' readiness probes currently pass, and the status last reported.
/// </summary>
public sealed record PodSyncInput(
    Pod Pod,
    RuntimePod? Observed,
    IReadOnlyDictionary<string, ContainerStartRecord> StartFailures,
    IReadOnlyDictionary<string, bool> ProbeReadiness,
    PodStatus? Reported,
    DateTimeOffset Now,
    RestartBackoff Backoff,
    string RuntimeScheme,
    string HostIP);
