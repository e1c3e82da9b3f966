using Actors.Runtime.Management;

namespace Actors.Gateway.Metrics;

/// <summary>Metric families read from the management API at scrape time rather than from instruments.</summary>
public static class ManagementMetrics
{
    public const string ActivationsName = "actors_grain_activations";

    public static MetricFamily Activations(IReadOnlyList<GrainTypeInfo> grainTypes, string silo) =>
        MetricFamily.Scalar(ActivationsName, MetricType.Gauge, "Grain activations per grain type on this silo",
            grainTypes
                .OrderBy(t => t.GrainType, StringComparer.Ordinal)
                .Select(t => new MetricPoint([new("grain_type", t.GrainType), new("silo", silo)], t.Activations))
                .ToArray());
}
