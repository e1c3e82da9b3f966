using System.Net;
using System.Text.Json.Nodes;
using Actors.NodeAgent.Services;

namespace Actors.NodeAgent.Tests.Services;

/// <summary>Services and Endpoints in their Kubernetes JSON shape and as the proxy reads them.</summary>
internal static class ServiceFixtures
{
    public static JsonObject ServiceJson(string name, string clusterIP, string type = "ClusterIP", int port = 80, int nodePort = 0, string ns = "default")
    {
        var servicePort = new JsonObject { ["name"] = "http", ["protocol"] = "TCP", ["port"] = port, ["targetPort"] = 8080 };
        if (nodePort > 0)
        {
            servicePort["nodePort"] = nodePort;
        }
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject { ["type"] = type, ["clusterIP"] = clusterIP, ["ports"] = new JsonArray(servicePort) },
        };
    }

    public static JsonObject EndpointsJson(string name, string[] ready, string[]? notReady = null, string ns = "default") =>
        new()
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["subsets"] = new JsonArray(new JsonObject
            {
                ["addresses"] = new JsonArray([.. ready.Select(ip => (JsonNode)new JsonObject { ["ip"] = ip })]),
                ["notReadyAddresses"] = new JsonArray([.. (notReady ?? []).Select(ip => (JsonNode)new JsonObject { ["ip"] = ip })]),
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 8080, ["protocol"] = "TCP" }),
            }),
        };

    public static ServicePortInfo Port(string name = "http", int port = 80, int nodePort = 0, string protocol = "TCP", string targetPort = "8080") =>
        new(name, protocol, port, nodePort, targetPort);

    public static ServiceInfo Service(string name, string? clusterIP, params ServicePortInfo[] ports) =>
        new("default", name, clusterIP is null or "None" ? null : IPAddress.Parse(clusterIP), clusterIP == "None", ports);
}
