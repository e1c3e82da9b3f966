using System.Text.Json.Nodes;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Agent;

/// <summary>
/// The node status an agent heartbeats: Ready while its container engine answers (NotReady with the engine's
/// error when it does not), and, for a real engine, capacity, node info and addresses.
/// </summary>
public static class NodeStatusReport
{
    public const string KubeletVersion = "v1.33.0-actors";

    public static async Task<JsonObject> BuildAsync(IContainerRuntime runtime, string nodeName, string hostIP, CancellationToken cancellationToken)
    {
        var info = await runtime.TryInfoAsync(cancellationToken);
        return Build(info.Value, info.IsOk ? null : info.Message ?? info.Failure.ToString(), nodeName, hostIP, runtime.SandboxPool);
    }

    public static JsonObject Build(RuntimeInfo? info, string? error, string nodeName, string hostIP, SandboxPoolStatus? pool = null)
    {
        var ready = info is not null && error is null;
        var conditions = new JsonArray(new JsonObject
        {
            ["type"] = "Ready",
            ["status"] = ready ? "True" : "False",
            ["reason"] = ready ? "KubeletReady" : "KubeletNotReady",
            ["message"] = ready ? "kubelet is posting ready status" : $"container runtime is down: {error}",
        });
        if (pool is { Size: > 0 })
        {
            conditions.Add(SandboxPoolCondition(pool));
        }
        var status = new JsonObject
        {
            ["conditions"] = conditions,
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = hostIP },
                new JsonObject { ["type"] = "Hostname", ["address"] = nodeName }),
        };
        if (info is null)
        {
            return status;
        }
        status["nodeInfo"] = new JsonObject
        {
            ["kubeletVersion"] = KubeletVersion,
            ["kubeProxyVersion"] = KubeletVersion,
            ["containerRuntimeVersion"] = info.RuntimeVersion,
            ["osImage"] = info.OperatingSystem,
            ["kernelVersion"] = info.KernelVersion,
            ["architecture"] = info.Architecture,
            ["operatingSystem"] = "linux",
            ["machineID"] = "",
            ["systemUUID"] = "",
            ["bootID"] = "",
        };
        // A hollow runtime has no machine behind it: its capacity is what the Node object was created with.
        if (info.Cpus > 0)
        {
            var resources = new JsonObject { ["cpu"] = info.Cpus.ToString(System.Globalization.CultureInfo.InvariantCulture), ["memory"] = $"{info.MemoryBytes / 1024}Ki", ["pods"] = "110" };
            status["capacity"] = resources;
            status["allocatable"] = resources.DeepClone();
        }
        return status;
    }

    /// <summary>
    /// The warm sandbox pool as <c>kubectl describe node</c> shows it: a condition that is True while every warm
    /// sandbox is there, with the configured size and the count in its message. A node without a pool has none.
    /// </summary>
    public static JsonObject SandboxPoolCondition(SandboxPoolStatus pool)
    {
        var full = pool.Warm >= pool.Size;
        return new JsonObject
        {
            ["type"] = SandboxPoolConditionType,
            ["status"] = full ? "True" : "False",
            ["reason"] = full ? "SandboxPoolFull" : "SandboxPoolRefilling",
            ["message"] = $"{pool.Warm} of {pool.Size} warm pod sandboxes (sandbox pool size {pool.Size})",
        };
    }

    public const string SandboxPoolConditionType = "SandboxPool";
}
