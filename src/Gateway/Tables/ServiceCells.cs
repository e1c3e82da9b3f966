using System.Text.Json.Nodes;

namespace Actors.Gateway.Tables;

/// <summary>The service row (KUBECTL-API.md §8.3).</summary>
internal static class ServiceCells
{
    public static JsonNode?[] Cells(JsonObject service, string? name, string age)
    {
        var spec = service["spec"] as JsonObject;
        var type = TablePrinter.Str(spec, "type") ?? "ClusterIP";
        var clusterIp = TablePrinter.Str(spec, "clusterIP") is { Length: > 0 } ip ? ip : "<none>";
        var externalIps = (spec?["externalIPs"] as JsonArray ?? []).Select(v => v?.GetValue<string>() ?? "").ToList();
        string external;
        switch (type)
        {
            case "LoadBalancer":
                var ingress = (service["status"]?["loadBalancer"]?["ingress"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(i => TablePrinter.Str(i, "ip") ?? TablePrinter.Str(i, "hostname") ?? "").Concat(externalIps).ToList();
                external = ingress.Count == 0 ? "<pending>" : string.Join(",", ingress);
                break;
            case "ExternalName":
                external = TablePrinter.Str(spec, "externalName") ?? "<none>";
                break;
            default:
                external = externalIps.Count == 0 ? "<none>" : string.Join(",", externalIps);
                break;
        }
        var ports = (spec?["ports"] as JsonArray ?? []).OfType<JsonObject>().Select(p =>
        {
            var nodePort = TablePrinter.Int(p, "nodePort");
            var text = nodePort > 0 ? $"{TablePrinter.Int(p, "port")}:{nodePort}" : $"{TablePrinter.Int(p, "port")}";
            return $"{text}/{TablePrinter.Str(p, "protocol") ?? "TCP"}";
        }).ToList();
        var selector = spec?["selector"] as JsonObject;
        var selectorText = selector is null || selector.Count == 0
            ? "<none>"
            : string.Join(",", selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return [name, type, clusterIp, external, ports.Count == 0 ? "<none>" : string.Join(",", ports), age, selectorText];
    }
}
