using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Hollow;

/// <summary>One simulated pod: its sandbox and container attempts; thread-safe, as the agent's workers run in parallel.</summary>
internal sealed class HollowPod(string uid, string ns, string name, string podIP)
{
    private readonly object _lock = new();
    private readonly List<HollowContainer> _containers = [];

    public string SandboxId { get; } = "hollow-" + Guid.NewGuid().ToString("N");

    public string PodIP { get; } = podIP;

    public string Add(ContainerLaunch launch, DateTimeOffset startedAt)
    {
        var id = Guid.NewGuid().ToString("N");
        lock (_lock)
        {
            _containers.Add(new HollowContainer(id, launch.Name, launch.Attempt, launch.Image, startedAt));
        }
        return id;
    }

    public bool Stop(string id, DateTimeOffset now)
    {
        lock (_lock)
        {
            var container = _containers.FirstOrDefault(c => c.Id == id);
            if (container is null)
            {
                return false;
            }
            container.FinishedAt ??= now;
            return true;
        }
    }

    public bool Remove(string id)
    {
        lock (_lock)
        {
            return _containers.RemoveAll(c => c.Id == id) > 0;
        }
    }

    public bool Has(string id)
    {
        lock (_lock)
        {
            return _containers.Any(c => c.Id == id);
        }
    }

    public RuntimePod Snapshot()
    {
        lock (_lock)
        {
            return new RuntimePod(uid, ns, name, SandboxId, SandboxRunning: true, PodIP, _containers.Select(c => c.Snapshot()).ToList());
        }
    }

    private sealed class HollowContainer(string id, string name, int attempt, string image, DateTimeOffset startedAt)
    {
        public string Id { get; } = id;

        public DateTimeOffset? FinishedAt { get; set; }

        public RuntimeContainer Snapshot()
        {
            var state = FinishedAt is null ? RuntimeContainerState.Running : RuntimeContainerState.Exited;
            return new RuntimeContainer(Id, name, attempt, state, FinishedAt is null ? null : 0, FinishedAt is null ? null : "Completed",
                startedAt, startedAt, FinishedAt, image, "sha256:hollow");
        }
    }
}
