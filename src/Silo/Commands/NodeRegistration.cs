using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.NodeAgent.Agent;
using Actors.NodeAgent.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Silo.Commands;

/// <summary>
/// Registers this machine as a Node (as a kubelet registers itself) and starts its agent. A worker may start
/// before any control-plane silo is up: it keeps trying until the Node grain answers.
/// </summary>
internal static class NodeRegistration
{
    public static async Task RegisterAsync(IServiceProvider services, string nodeName, CancellationToken cancellationToken)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var runtime = services.GetRequiredService<IContainerRuntime>();
        var host = services.GetRequiredService<NodeAgentHost>();
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                var node = await NodeObjectAsync(runtime, nodeName, host.Address, cancellationToken);
                var created = await grains.GetGrain<INodeGrain>(nodeName).CreateAsync(node.ToJsonString());
                if (created.Status is not (ObjectWriteStatus.Created or ObjectWriteStatus.AlreadyExists))
                {
                    throw new InvalidOperationException($"registering node {nodeName}: {created.Status} {created.Message}");
                }
                await grains.GetGrain<IDockerNodeAgentGrain>(nodeName).WakeAsync();
                return;
            }
            catch (Exception exception) when (exception is not InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"waiting for the control plane to register node {nodeName}: {exception.Message}");
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private static async Task<JsonObject> NodeObjectAsync(IContainerRuntime runtime, string nodeName, string address, CancellationToken cancellationToken)
    {
        var status = await NodeStatusReport.BuildAsync(runtime, nodeName, address, cancellationToken);
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = nodeName,
                ["labels"] = new JsonObject
                {
                    ["kubernetes.io/hostname"] = nodeName,
                    ["kubernetes.io/os"] = "linux",
                    ["kubernetes.io/arch"] = (string?)status["nodeInfo"]?["architecture"] ?? "amd64",
                },
            },
            ["status"] = status,
        };
    }
}
