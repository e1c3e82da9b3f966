using System.Net;
using Actors.Grains.Abstractions.Store;
using Actors.NodeAgent.Docker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.NodeAgent.Services;

/// <summary>Adds Services on a node (proxy and cluster DNS) to a silo that runs a Docker node agent.</summary>
public static class NodeServicesRegistration
{
    /// <summary>
    /// Registers the host and returns the bridge gateway it serves on, which pods must use as their nameserver;
    /// null when the engine did not say (then only loopback NodePorts and cluster IPs are served, without DNS).
    /// </summary>
    public static async Task<IPAddress?> AddNodeServicesAsync(this IServiceCollection services, IDockerClient docker, string network, string nodeName, CancellationToken cancellationToken)
    {
        var gateway = await BridgeGateway.FindAsync(docker, network, cancellationToken);
        services.AddHostedService(sp => new NodeServicesHost(sp.GetRequiredService<IObjectStore>(), gateway, nodeName, sp.GetRequiredService<ILogger<NodeServicesHost>>()));
        return gateway;
    }
}
