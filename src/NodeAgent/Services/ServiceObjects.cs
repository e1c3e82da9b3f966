using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Actors.NodeAgent.Services;

/// <summary>Reads Service and Endpoints objects in their Kubernetes JSON shape, tolerating missing fields as Kubernetes does.</summary>
public static class ServiceObjects
{
    public const string ServiceKind = "Service";
    public const string EndpointsKind = "Endpoints";

    public static ServiceInfo ReadService(JsonObject service)
    {
        var (ns, name) = Identity(service);
        var spec = service["spec"] as JsonObject;
        var clusterIP = Text(spec?["clusterIP"]);
        var headless = clusterIP == "None";
        var address = !headless && IPAddress.TryParse(clusterIP, out var parsed) ? parsed : null;
        var ports = (spec?["ports"] as JsonArray ?? []).OfType<JsonObject>().Select(p => new ServicePortInfo(
            Text(p["name"]),
            Protocol(p["protocol"]),
            Number(p["port"]),
            Number(p["nodePort"]),
            p["targetPort"] is { } target ? Text(target) : Number(p["port"]).ToString(CultureInfo.InvariantCulture))).ToList();
        return new ServiceInfo(ns, name, address, headless, ports);
    }

    public static EndpointsInfo ReadEndpoints(JsonObject endpoints)
    {
        var (ns, name) = Identity(endpoints);
        var subsets = (endpoints["subsets"] as JsonArray ?? []).OfType<JsonObject>().Select(s => new EndpointSubsetInfo(
            Addresses(s["addresses"]),
            Addresses(s["notReadyAddresses"]),
            [.. (s["ports"] as JsonArray ?? []).OfType<JsonObject>().Select(p => new EndpointPortInfo(Text(p["name"]), Protocol(p["protocol"]), Number(p["port"])))])).ToList();
        return new EndpointsInfo(ns, name, subsets);
    }

    private static (string Namespace, string Name) Identity(JsonObject obj) =>
        (Text(obj["metadata"]?["namespace"]) is { Length: > 0 } ns ? ns : "default", Text(obj["metadata"]?["name"]));

    private static IReadOnlyList<string> Addresses(JsonNode? list) =>
        [.. (list as JsonArray ?? []).OfType<JsonObject>().Select(a => Text(a["ip"])).Where(ip => ip.Length > 0)];

    private static string Protocol(JsonNode? node) => Text(node) is { Length: > 0 } protocol ? protocol : "TCP";

    private static string Text(JsonNode? node) => node is JsonValue value ? value.ToString() : "";

    private static int Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : 0;
}
