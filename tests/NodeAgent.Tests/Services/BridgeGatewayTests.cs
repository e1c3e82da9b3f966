using System.Net;
using Actors.NodeAgent.Docker;
using Actors.NodeAgent.Services;

namespace Actors.NodeAgent.Tests.Services;

[Trait("Category", "Unit")]
public sealed class BridgeGatewayTests
{
    [Theory]
    [InlineData("172.18.0.0/16", "172.18.0.254", "docker0", "172.17.0.1", "172.18.0.254")]
    [InlineData("172.17.0.0/16", null, "docker0", "172.17.0.1", "172.17.0.1")]
    [InlineData("172.17.0.0/16", null, "br-missing", null, "172.17.0.1")]
    [InlineData("10.10.8.0/22", null, null, null, "10.10.8.1")]
    [InlineData("fd00::/64", "fd00::1", null, null, null)]
    [InlineData("10.10.8.4/31", null, null, null, null)]
    public void The_recorded_gateway_else_the_bridge_interface_else_the_first_host(string subnet, string? recorded, string? bridge, string? interfaceAddress, string? expected)
    {
        var network = new NetworkDetails
        {
            Name = "bridge",
            IPAM = new NetworkIpam { Config = [new NetworkIpamConfig { Subnet = subnet, Gateway = recorded }] },
            Options = bridge is null ? null : new Dictionary<string, string> { [BridgeGateway.BridgeInterfaceOption] = bridge },
        };
        IReadOnlyList<IPAddress> Addresses(string name) =>
            name == "docker0" && interfaceAddress is not null ? [IPAddress.Parse("fe80::1"), IPAddress.Parse(interfaceAddress)] : [];

        Assert.Equal(expected, BridgeGateway.Choose(network, Addresses)?.ToString());
    }
}
