namespace Actors.Gateway.Metrics;

/// <summary>All series of one metric name: what one <c># TYPE</c> line introduces.</summary>
public sealed record MetricFamily(
    string Name,
    MetricType Type,
    string Help,
    IReadOnlyList<MetricPoint> Points,
    IReadOnlyList<HistogramPoint> Histograms)
{
    public static MetricFamily Scalar(string name, MetricType type, string help, IReadOnlyList<MetricPoint> points) =>
        new(name, type, help, points, []);

    public static MetricFamily Histogram(string name, string help, IReadOnlyList<HistogramPoint> histograms) =>
        new(name, MetricType.Histogram, help, [], histograms);
}
