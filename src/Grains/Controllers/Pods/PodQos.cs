using System.Text.Json.Nodes;

namespace Actors.Grains.Controllers.Pods;

/// <summary>
/// A pod's quality-of-service class as Kubernetes derives it from its containers' resources: Guaranteed when every
/// container limits cpu and memory and requests the same (a missing request defaults to the limit), BestEffort when
/// no container requests or limits anything, else Burstable.
/// </summary>
public static class PodQos
{
    public static string Class(JsonObject pod)
    {
        var containers = Containers(pod).ToArray();
        if (containers.All(c => c["resources"]?["requests"] is not JsonObject { Count: > 0 } && c["resources"]?["limits"] is not JsonObject { Count: > 0 }))
        {
            return "BestEffort";
        }
        return containers.All(IsGuaranteed) ? "Guaranteed" : "Burstable";
    }

    private static bool IsGuaranteed(JsonObject container)
    {
        var limits = container["resources"]?["limits"] as JsonObject;
        var requests = container["resources"]?["requests"] as JsonObject;
        foreach (var resource in (string[])["cpu", "memory"])
        {
            if (limits?[resource] is not { } limit)
            {
                return false;
            }
            if (requests?[resource] is { } request && !SameQuantity(request, limit))
            {
                return false;
            }
        }
        return true;
    }

    private static bool SameQuantity(JsonNode a, JsonNode b) =>
        Abstractions.Resources.Quantity.TryParse(a.ToString(), out var left) && Abstractions.Resources.Quantity.TryParse(b.ToString(), out var right)
            ? left.Equals(right)
            : a.ToString() == b.ToString();

    private static IEnumerable<JsonObject> Containers(JsonObject pod) =>
        new[] { pod["spec"]?["containers"], pod["spec"]?["initContainers"] }.OfType<JsonArray>().SelectMany(a => a.OfType<JsonObject>());
}
