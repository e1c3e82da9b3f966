using System.Text.Json.Nodes;

namespace Actors.Grains.Controllers.Services;

/// <summary>
/// Kubernetes' endpoints controller as a pure function: the Endpoints object of a Service with a selector,
/// from the pods it selects. A pod with an IP that is not finished and not terminating is an address — ready
/// ones under <c>addresses</c>, the rest under <c>notReadyAddresses</c> — and each service port resolves its
/// targetPort on the pod (a named one against the pod's container ports; a pod without it is left out of that
/// port). Addresses with the same ports share a subset, as Kubernetes' RepackSubsets does.
/// </summary>
public static class EndpointsPlanner
{
    public const string HeadlessLabel = "service.kubernetes.io/headless";

    /// <summary>The service's selector; null when it has none, and its Endpoints are the user's to write.</summary>
    public static IReadOnlyDictionary<string, string>? Selector(JsonObject service) =>
        service["spec"]?["selector"] is JsonObject { Count: > 0 } selector
            ? selector.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
            : null;

    public static bool Selects(IReadOnlyDictionary<string, string> selector, JsonObject pod)
    {
        var labels = ObjectJson.Labels(pod);
        return selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);
    }

    /// <summary>The Endpoints (metadata and subsets) for a service with a selector; null for one without.</summary>
    public static JsonObject? Plan(JsonObject service, IEnumerable<JsonObject> pods)
    {
        if (Selector(service) is not { } selector)
        {
            return null;
        }
        var ns = ObjectJson.Namespace(service);
        var name = ObjectJson.Name(service);
        var spec = service["spec"] as JsonObject ?? [];
        var servicePorts = (spec["ports"] as JsonArray ?? []).OfType<JsonObject>().ToArray();
        var headless = (string?)spec["clusterIP"] is null or "" or ServiceAdmission.HeadlessClusterIP;
        var publishNotReady = (bool?)spec["publishNotReadyAddresses"] == true;
        var groups = new SortedDictionary<string, (JsonArray Ports, List<(string Ip, string Uid, JsonObject Address, bool Ready)> Addresses)>(StringComparer.Ordinal);
        foreach (var pod in pods.Where(p => ObjectJson.Namespace(p) == ns && Selects(selector, p)))
        {
            if (AddressOf(pod, name) is not { } address)
            {
                continue;
            }
            var ports = servicePorts.Select(p => EndpointPort(p, pod)).OfType<JsonObject>().ToArray();
            if (servicePorts.Length > 0 && ports.Length == 0)
            {
                continue;
            }
            var key = string.Join(";", ports.Select(p => p.ToJsonString()));
            if (!groups.TryGetValue(key, out var group))
            {
                group = (new JsonArray(ports.Select(p => (JsonNode)p).ToArray()), []);
                groups[key] = group;
            }
            group.Addresses.Add(((string)address["ip"]!, ObjectJson.Uid(pod) ?? "", address, publishNotReady || PodViews.IsReady(pod)));
        }

        var endpoints = new JsonObject { ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns } };
        var labels = new JsonObject(ObjectJson.Labels(service).Where(l => l.Key != HeadlessLabel)
            .Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value))));
        if (headless)
        {
            labels[HeadlessLabel] = "";
        }
        if (labels.Count > 0)
        {
            endpoints["metadata"]!["labels"] = labels;
        }
        if (groups.Count > 0)
        {
            endpoints["subsets"] = new JsonArray(groups.Values.Select(g => (JsonNode)Subset(g.Ports, g.Addresses)).ToArray());
        }
        return endpoints;
    }

    /// <summary>Whether the stored Endpoints already say what <paramref name="desired"/> says (labels and subsets).</summary>
    public static bool IsCurrent(JsonObject current, JsonObject desired) =>
        JsonNode.DeepEquals(current["subsets"], desired["subsets"])
        && ObjectJson.Labels(current).OrderBy(l => l.Key, StringComparer.Ordinal).SequenceEqual(ObjectJson.Labels(desired).OrderBy(l => l.Key, StringComparer.Ordinal));

    /// <summary>
    /// What of a pod any Endpoints can show; null when it can show nothing (no IP, finished, terminating). Two
    /// versions of a pod with equal views need no service to look again.
    /// </summary>
    public static JsonObject? View(JsonObject? pod)
    {
        if (pod is null || AddressOf(pod, serviceName: null) is not { } address)
        {
            return null;
        }
        address["hostname"] = pod["spec"]?["hostname"]?.DeepClone();
        address["ready"] = PodViews.IsReady(pod);
        address["labels"] = pod["metadata"]?["labels"]?.DeepClone();
        address["ports"] = new JsonArray((pod["spec"]?["containers"] as JsonArray ?? []).Select(c => c?["ports"]?.DeepClone()).ToArray());
        address["subdomain"] = pod["spec"]?["subdomain"]?.DeepClone();
        return address;
    }

    private static JsonObject? AddressOf(JsonObject pod, string? serviceName)
    {
        if ((string?)pod["status"]?["podIP"] is not { Length: > 0 } ip
            || ObjectJson.IsDeleting(pod)
            || (string?)pod["status"]?["phase"] is "Succeeded" or "Failed")
        {
            return null;
        }
        var address = new JsonObject { ["ip"] = ip };
        if ((string?)pod["spec"]?["hostname"] is { Length: > 0 } hostname && (string?)pod["spec"]?["subdomain"] == serviceName)
        {
            address["hostname"] = hostname;
        }
        if ((string?)pod["spec"]?["nodeName"] is { Length: > 0 } node)
        {
            address["nodeName"] = node;
        }
        address["targetRef"] = new JsonObject
        {
            ["kind"] = "Pod",
            ["namespace"] = ObjectJson.Namespace(pod),
            ["name"] = ObjectJson.Name(pod),
            ["uid"] = ObjectJson.Uid(pod),
        };
        return address;
    }

    /// <summary>Kubernetes' FindPort: a number is taken as is; a name must match a container port of the same protocol.</summary>
    private static JsonObject? EndpointPort(JsonObject servicePort, JsonObject pod)
    {
        var protocol = (string?)servicePort["protocol"] ?? "TCP";
        int? number = servicePort["targetPort"] switch
        {
            JsonValue value when value.TryGetValue<int>(out var port) => port,
            JsonValue value when value.TryGetValue<string>(out var portName) => NamedContainerPort(pod, portName, protocol),
            _ => ObjectJson.Int(servicePort["port"]),
        };
        if (number is null)
        {
            return null;
        }
        var endpointPort = new JsonObject();
        if ((string?)servicePort["name"] is { Length: > 0 } name)
        {
            endpointPort["name"] = name;
        }
        endpointPort["port"] = number;
        endpointPort["protocol"] = protocol;
        if ((string?)servicePort["appProtocol"] is { Length: > 0 } appProtocol)
        {
            endpointPort["appProtocol"] = appProtocol;
        }
        return endpointPort;
    }

    private static int? NamedContainerPort(JsonObject pod, string name, string protocol) =>
        (pod["spec"]?["containers"] as JsonArray ?? [])
            .SelectMany(c => c?["ports"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(p => (string?)p["name"] == name && ((string?)p["protocol"] ?? "TCP") == protocol)
            .Select(p => (int?)ObjectJson.Int(p["containerPort"]))
            .FirstOrDefault();

    private static JsonObject Subset(JsonArray ports, List<(string Ip, string Uid, JsonObject Address, bool Ready)> addresses)
    {
        var subset = new JsonObject();
        JsonArray Sorted(bool ready) => new(addresses.Where(a => a.Ready == ready)
            .OrderBy(a => a.Ip, StringComparer.Ordinal).ThenBy(a => a.Uid, StringComparer.Ordinal)
            .Select(a => (JsonNode)a.Address).ToArray());
        var ready = Sorted(ready: true);
        var notReady = Sorted(ready: false);
        if (ready.Count > 0)
        {
            subset["addresses"] = ready;
        }
        if (notReady.Count > 0)
        {
            subset["notReadyAddresses"] = notReady;
        }
        if (ports.Count > 0)
        {
            subset["ports"] = ports;
        }
        return subset;
    }
}
