using Actors.Grains.Abstractions.Resources;

namespace Actors.NodeAgent.Agent;

/// <summary>What the agent remembers of one pod between syncs.</summary>
internal sealed class PodRecord(string uid, string key, Pod pod)
{
    public string Uid { get; } = uid;

    /// <summary><c>namespace/name</c>, the pod grain's key.</summary>
    public string Key { get; } = key;

    /// <summary>The status last accepted by the pod's grain; the planner keeps its transition times.</summary>
    /// <remarks>Initialized before <see cref="Pod"/>, which lets the status go.</remarks>
    public PodStatus? Reported { get; set; } = pod.Status;

    /// <summary>
    /// The pod's metadata and spec. Its status is let go (the agent builds status from the runtime and keeps what
    /// it reported, <see cref="Reported"/>): a second copy per pod on the node would only cost memory.
    /// </summary>
    public Pod Pod
    {
        get;
        set
        {
            value.Status = null;
            field = value;
        }
    } = WithoutStatus(pod);

    private static Pod WithoutStatus(Pod pod)
    {
        pod.Status = null;
        return pod;
    }

    public Dictionary<string, ContainerStartRecord> StartFailures { get; } = new(StringComparer.Ordinal);

    /// <summary>A background worker is acting on the pod; syncs wait for it.</summary>
    public bool Busy { get; set; }

    public IGrainTimer? Requeue { get; set; }

    /// <summary>The Killing events of this pod's termination were recorded (once, not at every sync until it is gone).</summary>
    public bool KillingReported { get; set; }

    /// <summary>Readiness by container ID: a restarted container is not ready until its probe passes again.</summary>
    public Dictionary<string, bool> Readiness { get; } = new(StringComparer.Ordinal);

    /// <summary>The probe loops running, by container ID.</summary>
    public Dictionary<string, CancellationTokenSource> Probes { get; } = new(StringComparer.Ordinal);
}
