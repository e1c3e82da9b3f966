using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Grains.Scheduling;

/// <summary>Reads Kubernetes quantities (<c>100m</c>, <c>2</c>, <c>128Mi</c>, <c>1G</c>) as millicores and bytes.</summary>
public static class Resources
{
    private static readonly (string Suffix, double Factor)[] Suffixes =
    [
        ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40),
        ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("m", 1e-3),
    ];

    public static long MilliCpu(string? quantity) => (long)Math.Round(Parse(quantity) * 1000);

    public static long Bytes(string? quantity) => (long)Math.Round(Parse(quantity));

    public static long Count(string? quantity, long fallback) => quantity is null ? fallback : (long)Parse(quantity);

    /// <summary>The pod's requests: the sum over its containers (limits stand in for missing requests, as Kubernetes defaults them).</summary>
    public static (long MilliCpu, long MemoryBytes) PodRequests(JsonObject pod)
    {
        long cpu = 0, memory = 0;
        if (pod["spec"]?["containers"] is JsonArray containers)
        {
            foreach (var container in containers.OfType<JsonObject>())
            {
                var resources = container["resources"];
                var requests = resources?["requests"] ?? resources?["limits"];
                cpu += MilliCpu((string?)requests?["cpu"]);
                memory += Bytes((string?)requests?["memory"]);
            }
        }
        return (cpu, memory);
    }

    private static double Parse(string? quantity)
    {
        if (string.IsNullOrWhiteSpace(quantity))
        {
            return 0;
        }
        foreach (var (suffix, factor) in Suffixes)
        {
            if (quantity.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(quantity[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var scaled))
            {
                return scaled * factor;
            }
        }
        return double.TryParse(quantity, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) ? plain : 0;
    }
}
