using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Gateway.Api;

/// <summary>
/// The metrics.k8s.io objects built from what node agents measured, as metrics-server shows them: CPU in cores
/// (to the nanocore), memory working set in bytes, the window as a Go duration, labels of the measured object.
/// </summary>
internal static class UsageMetrics
{
    public static NodeMetrics Node(JsonObject node, NodeUsageReport report) => new()
    {
        Metadata = Metadata(node, report.Timestamp),
        Timestamp = report.Timestamp,
        Window = Window(report.Window),
        Usage = Usage(report.CpuNanoCores, report.MemoryBytes),
    };

    public static PodMetrics Pod(JsonObject pod, PodUsageReport report) => new()
    {
        Metadata = Metadata(pod, report.Timestamp),
        Timestamp = report.Timestamp,
        Window = Window(report.Window),
        Containers = [.. report.Containers.Select(c => new ContainerMetrics { Name = c.Name, Usage = Usage(c.CpuNanoCores, c.MemoryBytes) })],
    };

    public static Dictionary<string, Quantity> Usage(long cpuNanoCores, long memoryBytes) => new()
    {
        ["cpu"] = new Quantity(cpuNanoCores / 1_000_000_000m),
        ["memory"] = new Quantity(memoryBytes, QuantityFormat.BinarySI),
    };

    /// <summary>A Go duration in seconds (<c>1.002s</c>), which is what clients parse the window with.</summary>
    public static string Window(TimeSpan window) =>
        Math.Round(Math.Max(0, window.TotalSeconds), 3).ToString("0.###", CultureInfo.InvariantCulture) + "s";

    /// <summary>The measured object's name, namespace and labels; created when measured, as metrics-server has it.</summary>
    private static ObjectMeta Metadata(JsonObject measured, DateTimeOffset timestamp)
    {
        var metadata = measured["metadata"] as JsonObject;
        var labels = (metadata?["labels"] as JsonObject)?.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => (string)p.Value!);
        return new ObjectMeta
        {
            Name = (string?)metadata?["name"],
            Namespace = (string?)metadata?["namespace"],
            Labels = labels,
            CreationTimestamp = timestamp,
        };
    }
}
