using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Defaulting;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Validation;

namespace Actors.Grains.Controllers.Services;

/// <summary>
/// A Service write as Kubernetes' service strategy handles it, without I/O: carry the allocated values over
/// from the stored Service, default, validate; then say what to ask the allocator for and write its answer in.
/// </summary>
public static class ServiceAdmission
{
    public const string HeadlessClusterIP = "None";

    /// <summary>Defaults and validates <paramref name="obj"/> in place; the causes, empty when valid.</summary>
    public static IReadOnlyList<ValidationCauseInfo> Prepare(JsonObject obj, JsonObject? old)
    {
        Service service;
        try
        {
            service = KubernetesJson.Deserialize<Service>(obj);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return [new ValidationCauseInfo(ValidationReasons.Invalid, "Invalid value: " + exception.Message, "spec")];
        }
        var oldService = old is null ? null : KubernetesJson.Deserialize<Service>(old);
        if (oldService is not null)
        {
            service = ServiceCarryOver.Apply(service, oldService);
        }
        var spec = service.Spec ??= new ServiceSpec();
        if (string.IsNullOrEmpty(spec.ClusterIP) && spec.ClusterIPs is [{ Length: > 0 } first, ..])
        {
            // clusterIPs[0] stands for a clusterIP left out, as Kubernetes normalizes the pair.
            spec.ClusterIP = first;
        }
        var defaulted = Defaulter.Default(service);
        var result = oldService is null ? ResourceValidator.ValidateCreate(defaulted) : ResourceValidator.ValidateUpdate(defaulted, oldService);
        if (!result.IsValid)
        {
            return result.Causes.Select(c => new ValidationCauseInfo(c.Reason, c.Message, c.Field)).ToArray();
        }
        var node = KubernetesJson.SerializeToNode(defaulted);
        obj["spec"] = node["spec"]?.DeepClone();
        obj["status"] ??= node["status"]?.DeepClone();
        return [];
    }

    /// <summary>
    /// The values a prepared Service uses or asks for: its clusterIP ("" for any; null when it has none) and,
    /// when its type takes node ports, each port's nodePort (0 for any).
    /// </summary>
    public static ServiceAddresses Addresses(JsonObject service)
    {
        var spec = service["spec"] as JsonObject ?? [];
        var type = (string?)spec["type"] ?? "ClusterIP";
        var clusterIP = (string?)spec["clusterIP"] ?? "";
        var ports = spec["ports"] as JsonArray ?? [];
        var takesNodePorts = type == "NodePort" || (type == "LoadBalancer" && (bool?)spec["allocateLoadBalancerNodePorts"] != false);
        return new ServiceAddresses(
            type == "ExternalName" || clusterIP == HeadlessClusterIP ? null : clusterIP,
            takesNodePorts ? ports.Select(p => ObjectJson.Int(p?["nodePort"])).ToArray() : []);
    }

    /// <summary>Writes what the allocator granted into a prepared Service, with the fields Kubernetes sets alongside.</summary>
    public static void Apply(JsonObject service, ServiceAddresses allocated)
    {
        var spec = service["spec"] as JsonObject ?? (JsonObject)(service["spec"] = new JsonObject());
        if ((string?)spec["type"] == "ExternalName")
        {
            return;
        }
        var clusterIP = allocated.ClusterIP ?? HeadlessClusterIP;
        spec["clusterIP"] = clusterIP;
        spec["clusterIPs"] = new JsonArray(clusterIP);
        spec["ipFamilies"] ??= new JsonArray("IPv4");
        spec["ipFamilyPolicy"] ??= "SingleStack";
        if (allocated.NodePorts.Count > 0 && spec["ports"] is JsonArray ports)
        {
            foreach (var (port, nodePort) in ports.OfType<JsonObject>().Zip(allocated.NodePorts))
            {
                port["nodePort"] = nodePort;
            }
        }
    }
}
