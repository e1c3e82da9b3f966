using Actors.Grains.Abstractions.Resources;
using Actors.NodeAgent.Agent;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Tests.Agent;

/// <summary>Builders for the planner's inputs, so each test states only the facts it is about.</summary>
internal static class PodSyncFacts
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly RestartBackoff Backoff = RestartBackoff.Kubernetes;

    public const string PodIP = "10.88.0.7";

    public const string HostIP = "192.168.1.10";

    public static Container Container(string name, bool readinessProbe = false) => new()
    {
        Name = name,
        Image = "actors/busybox:1",
        ReadinessProbe = readinessProbe ? new Probe { Exec = new ExecAction { Command = ["true"] } } : null,
    };

    public static Pod Pod(string? restartPolicy = null, Container[]? init = null, params Container[] containers) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default", Uid = "uid-1" },
        Spec = new PodSpec
        {
            NodeName = "n1",
            RestartPolicy = restartPolicy,
            InitContainers = init?.ToList(),
            Containers = containers.Length > 0 ? containers.ToList() : [Container("app")],
        },
    };

    public static RuntimeContainer Running(string name, int attempt = 0) => new(
        $"c-{name}-{attempt}", name, attempt, RuntimeContainerState.Running, null, null,
        Now.AddMinutes(-10), Now.AddMinutes(-5), null, "actors/busybox:1", "sha256:abc");

    public static RuntimeContainer Exited(string name, int attempt, int exitCode, double secondsAgo = 60) => new(
        $"c-{name}-{attempt}", name, attempt, RuntimeContainerState.Exited, exitCode, null,
        Now.AddSeconds(-secondsAgo - 5), Now.AddSeconds(-secondsAgo - 4), Now.AddSeconds(-secondsAgo), "actors/busybox:1", "sha256:abc");

    public static RuntimeContainer Created(string name, int attempt) => new(
        $"c-{name}-{attempt}", name, attempt, RuntimeContainerState.Created, null, null,
        Now.AddSeconds(-1), null, null, "actors/busybox:1", "");

    public static RuntimePod Sandbox(params RuntimeContainer[] containers) =>
        new("uid-1", "default", "web", "sandbox-1", true, PodIP, containers);

    public static PodSyncInput Input(
        Pod pod,
        RuntimePod? observed,
        IReadOnlyDictionary<string, ContainerStartRecord>? failures = null,
        IReadOnlyDictionary<string, bool>? probes = null,
        PodStatus? reported = null) =>
        new(pod, observed, failures ?? new Dictionary<string, ContainerStartRecord>(), probes ?? new Dictionary<string, bool>(),
            reported, Now, Backoff, "docker", HostIP);

    public static Dictionary<string, ContainerStartRecord> Failure(string container, string reason, int count, double secondsAgo) =>
        new() { [container] = new ContainerStartRecord(reason, $"{reason} for {container}", Now.AddSeconds(-secondsAgo), count) };

    public static ContainerStatus Status(PodSyncPlan plan, string container) =>
        plan.Status!.ContainerStatuses!.Single(s => s.Name == container);

    public static PodCondition Condition(PodSyncPlan plan, string type) =>
        plan.Status!.Conditions!.Single(c => c.Type == type);
}
