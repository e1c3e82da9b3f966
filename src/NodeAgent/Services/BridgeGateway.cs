using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Actors.NodeAgent.Docker;

namespace Actors.NodeAgent.Services;

/// <summary>
/// The host's address on the pods' network: their default route, so the place where NodePorts, cluster IPs and
/// cluster DNS are reachable from inside a pod. The engine records it in the network's IPAM config; the default
/// bridge often does not, and then it is the address of the bridge's host interface, or else the subnet's first
/// host address, which is the one the engine gives the bridge.
/// </summary>
public static class BridgeGateway
{
    public const string BridgeInterfaceOption = "com.docker.network.bridge.name";

    public static async Task<IPAddress?> FindAsync(IDockerClient docker, string network, CancellationToken cancellationToken)
    {
        var inspected = await docker.InspectNetworkAsync(network, cancellationToken);
        return inspected.IsOk ? Choose(inspected.Value, InterfaceAddresses) : null;
    }

    public static IPAddress? Choose(NetworkDetails network, Func<string, IReadOnlyList<IPAddress>> interfaceAddresses)
    {
        var configs = (network.IPAM.Config ?? []).Where(c => IsIPv4(c.Subnet)).ToList();
        if (configs.Select(c => c.Gateway).FirstOrDefault(g => IPAddress.TryParse(g, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork) is { } recorded)
        {
            return IPAddress.Parse(recorded);
        }
        if (network.Options?.GetValueOrDefault(BridgeInterfaceOption) is { Length: > 0 } bridge
            && interfaceAddresses(bridge).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) is { } onInterface)
        {
            return onInterface;
        }
        return configs.Select(c => FirstHost(c.Subnet!)).FirstOrDefault(a => a is not null);
    }

    private static bool IsIPv4(string? subnet) =>
        subnet is not null && IPNetwork.TryParse(subnet, out var parsed) && parsed.BaseAddress.AddressFamily == AddressFamily.InterNetwork;

    private static IPAddress? FirstHost(string subnet)
    {
        var network = IPNetwork.Parse(subnet);
        if (network.PrefixLength > 30)
        {
            return null;
        }
        var bytes = network.BaseAddress.GetAddressBytes();
        bytes[3] += 1;
        return new IPAddress(bytes);
    }

    private static IReadOnlyList<IPAddress> InterfaceAddresses(string name) =>
        [.. NetworkInterface.GetAllNetworkInterfaces().Where(n => n.Name == name)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)];
}
