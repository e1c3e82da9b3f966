using Actors.Grains.Abstractions.Objects;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent;

/// <summary>The metrics API's side of the agent: the node's and its running containers' use, measured on demand.</summary>
public abstract partial class NodeAgentGrain
{
    public async Task<NodeUsageReport> GetUsageAsync()
    {
        var node = _runtime.GetNodeUsageAsync(_stopping.Token);
        var pods = _observed.Values.Select(MeasurePodAsync).ToArray();
        var measured = await Task.WhenAll(pods);
        var usage = await node;
        return new NodeUsageReport(usage.At, usage.Window, usage.CpuNanoCores, usage.MemoryWorkingSetBytes, [.. measured.OfType<PodUsageReport>()]);
    }

    /// <summary>The pod's running containers (the latest attempt of each); null when none runs or none could be measured.</summary>
    private async Task<PodUsageReport?> MeasurePodAsync(RuntimePod pod)
    {
        var running = pod.Containers.Where(c => c.State == RuntimeContainerState.Running)
            .GroupBy(c => c.Name).Select(g => g.MaxBy(c => c.Attempt)!).ToArray();
        var samples = await Task.WhenAll(running.Select(c => _runtime.GetUsageAsync(c.Id, _stopping.Token)));
        var measured = running.Zip(samples).Where(p => p.Second.IsOk).Select(p => (p.First.Name, Usage: p.Second.Value!)).ToArray();
        if (measured.Length == 0)
        {
            return null;
        }
        return new PodUsageReport(pod.Namespace, pod.Name, measured.Max(m => m.Usage.At), measured.Max(m => m.Usage.Window),
            [.. measured.Select(m => new ContainerUsageReport(m.Name, m.Usage.CpuNanoCores, m.Usage.MemoryWorkingSetBytes))]);
    }
}
