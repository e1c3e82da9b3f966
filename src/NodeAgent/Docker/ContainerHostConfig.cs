namespace Actors.NodeAgent.Docker;

/// <summary>
/// The host-side settings of a new container. The restart policy is always <c>no</c>: the agent restarts
/// containers itself, with the pod's policy and backoff, so the engine must never do it behind its back.
/// </summary>
public sealed record ContainerHostConfig
{
    /// <summary><c>bridge</c>, <c>host</c>, <c>none</c> or <c>container:&lt;id&gt;</c> to join a pod sandbox.</summary>
    public string? NetworkMode { get; init; }

    /// <summary>Mounts as <c>host-path:container-path[:ro]</c>.</summary>
    public IReadOnlyList<string>? Binds { get; init; }

    /// <summary>Memory limit in bytes; null or 0 for none.</summary>
    public long? Memory { get; init; }

    /// <summary>CPU limit in units of 1e-9 CPUs; null or 0 for none.</summary>
    public long? NanoCpus { get; init; }

    public IReadOnlyList<PortBinding>? PortBindings { get; init; }

    /// <summary>Runs an init process as PID 1 that forwards signals and reaps zombies.</summary>
    public bool? Init { get; init; }

    /// <summary>Extra <c>/etc/hosts</c> lines as <c>hostname:ip</c>.</summary>
    public IReadOnlyList<string>? ExtraHosts { get; init; }

    public IReadOnlyList<string>? Dns { get; init; }

    /// <summary>The resolv.conf search path.</summary>
    public IReadOnlyList<string>? DnsSearch { get; init; }

    /// <summary>resolv.conf options, e.g. <c>ndots:5</c>.</summary>
    public IReadOnlyList<string>? DnsOptions { get; init; }

    /// <summary>Container path to mount options, e.g. <c>/run</c> → <c>rw,size=64m</c>.</summary>
    public IReadOnlyDictionary<string, string>? Tmpfs { get; init; }
}
