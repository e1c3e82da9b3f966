using System.Globalization;
using System.Text;

namespace Actors.Gateway.Metrics;

/// <summary>Writes metric families in the Prometheus text exposition format 0.0.4.</summary>
public static class PrometheusTextFormatter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Format(IEnumerable<MetricFamily> families)
    {
        var builder = new StringBuilder();
        foreach (var family in families)
        {
            Append(builder, family);
        }
        return builder.ToString();
    }

    public static void Append(StringBuilder builder, MetricFamily family)
    {
        builder.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
        builder.Append("# TYPE ").Append(family.Name).Append(' ').Append(TypeName(family.Type)).Append('\n');
        foreach (var point in family.Points)
        {
            AppendSample(builder, family.Name, point.Labels, null, point.Value);
        }
        foreach (var histogram in family.Histograms)
        {
            AppendHistogram(builder, family.Name, histogram);
        }
    }

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>HELP text escapes backslash and line feed only.</summary>
    public static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Go's ParseFloat spellings: <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>, otherwise round-trip invariant.</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        _ => "untyped",
    };

    private static void AppendHistogram(StringBuilder builder, string name, HistogramPoint histogram)
    {
        long cumulative = 0;
        for (var i = 0; i < histogram.Bounds.Count; i++)
        {
            cumulative += histogram.BucketCounts[i];
            AppendSample(builder, name + "_bucket", histogram.Labels, FormatValue(histogram.Bounds[i]), cumulative);
        }
        AppendSample(builder, name + "_bucket", histogram.Labels, "+Inf", histogram.Count);
        AppendSample(builder, name + "_sum", histogram.Labels, null, histogram.Sum);
        AppendSample(builder, name + "_count", histogram.Labels, null, histogram.Count);
    }

    private static void AppendSample(StringBuilder builder, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        builder.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            builder.Append('{');
            var first = true;
            foreach (var (key, labelValue) in labels)
            {
                if (!first)
                {
                    builder.Append(',');
                }
                first = false;
                builder.Append(key).Append("=\"").Append(EscapeLabelValue(labelValue)).Append('"');
            }
            if (le is not null)
            {
                builder.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            }
            builder.Append('}');
        }
        builder.Append(' ').Append(FormatValue(value)).Append('\n');
    }
}
