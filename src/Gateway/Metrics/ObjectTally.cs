using System.Text.Json.Nodes;
using Actors.Gateway.Dashboard.Objects;

namespace Actors.Gateway.Metrics;

/// <summary>
/// Counts the stored objects a scrape walks through (objects by kind, pods by phase, nodes by readiness) and
/// turns the counts into metric families. Every kind, phase and readiness appears, zero or not, so a series
/// never vanishes from a dashboard when the last pod of a phase goes.
/// </summary>
public sealed class ObjectTally(IReadOnlyList<string> kinds)
{
    public const string ObjectsName = "actors_objects";
    public const string PodsName = "actors_pods";
    public const string NodesName = "actors_nodes";

    public static readonly IReadOnlyList<string> PodPhases = ["Pending", "Running", "Succeeded", "Failed", "Unknown"];

    private readonly Dictionary<string, int> _byKind = kinds.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
    private readonly Dictionary<string, int> _podsByPhase = PodPhases.ToDictionary(p => p, _ => 0, StringComparer.Ordinal);
    private int _readyNodes;
    private int _notReadyNodes;

    public void Add(string kind, JsonObject obj)
    {
        _byKind[kind] = _byKind.GetValueOrDefault(kind) + 1;
        if (kind == "Pod")
        {
            var phase = obj["status"]?["phase"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "Pending";
            var known = PodPhases.Contains(phase) ? phase : "Unknown";
            _podsByPhase[known]++;
        }
        else if (kind == "Node")
        {
            if (ObjectRows.IsReady(obj))
            {
                _readyNodes++;
            }
            else
            {
                _notReadyNodes++;
            }
        }
    }

    public IReadOnlyList<MetricFamily> ToFamilies() =>
    [
        MetricFamily.Scalar(ObjectsName, MetricType.Gauge, "Objects in the object store by kind",
            _byKind.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Point("kind", p.Key, p.Value)).ToArray()),
        MetricFamily.Scalar(PodsName, MetricType.Gauge, "Pods by phase",
            PodPhases.Select(p => Point("phase", p, _podsByPhase[p])).ToArray()),
        MetricFamily.Scalar(NodesName, MetricType.Gauge, "Nodes by readiness (the Ready condition is True or not)",
            [Point("ready", "false", _notReadyNodes), Point("ready", "true", _readyNodes)]),
    ];

    private static MetricPoint Point(string label, string value, int count) => new([new(label, value)], count);
}
