using System.Net;
using System.Text.Json.Nodes;
using Actors.NodeAgent.Services;

namespace Actors.NodeAgent.Tests.Services;

[Trait("Category", "Unit")]
public sealed class ServiceObjectsTests
{
    [Fact]
    public void A_NodePort_service_reads_its_cluster_IP_ports_and_node_port()
    {
        var service = ServiceObjects.ReadService(ServiceFixtures.ServiceJson("web", "10.96.0.10", "NodePort", 80, 30080, "shop"));

        Assert.Equal(("shop", "web"), (service.Namespace, service.Name));
        Assert.Equal(IPAddress.Parse("10.96.0.10"), service.ClusterIP);
        Assert.False(service.Headless);
        Assert.Equal([new ServicePortInfo("http", "TCP", 80, 30080, "8080")], service.Ports);
    }

    [Theory]
    [InlineData("""{"metadata": {"name": "h"}, "spec": {"clusterIP": "None", "ports": [{"port": 53, "protocol": "UDP"}]}}""", null, true, "", "UDP", "53")]
    [InlineData("""{"metadata": {"name": "p"}, "spec": {"ports": [{"port": 80, "targetPort": "web"}]}}""", null, false, "", "TCP", "web")]
    [InlineData("""{"metadata": {"name": "c", "namespace": ""}, "spec": {"clusterIP": "10.96.1.1", "ports": [{"name": "a", "port": 81}]}}""", "10.96.1.1", false, "a", "TCP", "81")]
    public void Missing_fields_take_the_Kubernetes_defaults(string json, string? clusterIP, bool headless, string portName, string protocol, string targetPort)
    {
        var service = ServiceObjects.ReadService(JsonNode.Parse(json)!.AsObject());

        Assert.Equal("default", service.Namespace);
        Assert.Equal(clusterIP, service.ClusterIP?.ToString());
        Assert.Equal(headless, service.Headless);
        var port = Assert.Single(service.Ports);
        Assert.Equal((portName, protocol, targetPort), (port.Name, port.Protocol, port.TargetPort));
    }

    [Fact]
    public void Endpoints_keep_ready_and_not_ready_addresses_apart()
    {
        var endpoints = ServiceObjects.ReadEndpoints(ServiceFixtures.EndpointsJson("web", ["172.17.0.2", "172.17.0.3"], ["172.17.0.4"]));

        var subset = Assert.Single(endpoints.Subsets);
        Assert.Equal(["172.17.0.2", "172.17.0.3"], subset.Addresses);
        Assert.Equal(["172.17.0.4"], subset.NotReadyAddresses);
        Assert.Equal([new EndpointPortInfo("http", "TCP", 8080)], subset.Ports);
    }
}
