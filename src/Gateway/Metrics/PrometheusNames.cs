using System.Text;

namespace Actors.Gateway.Metrics;

/// <summary>Turns System.Diagnostics.Metrics instrument names and units into Prometheus metric and label names.</summary>
public static class PrometheusNames
{
    /// <summary>
    /// Prometheus' conventions: <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>, the base unit as a suffix, <c>_total</c> on counters.
    /// </summary>
    public static string MetricName(string instrumentName, string? unit, MetricType type)
    {
        var name = Sanitize(instrumentName, allowColon: true);
        var suffix = UnitSuffix(unit);
        if (suffix is not null && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name += "_" + suffix;
        }
        if (type == MetricType.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }
        return name;
    }

    /// <summary>Label names may not contain colons and may not start with a digit.</summary>
    public static string LabelName(string tagName) => Sanitize(tagName, allowColon: false);

    /// <summary>The unit suffix for the UCUM-style units .NET instruments use; null when the unit adds no suffix.</summary>
    public static string? UnitSuffix(string? unit) => unit switch
    {
        null or "" or "1" => null,
        "s" => "seconds",
        "ms" => "milliseconds",
        "By" => "bytes",
        "%" => "percent",
        // Annotations such as "{call}" count things; Prometheus puts nothing for them.
        _ when unit.StartsWith('{') => null,
        _ => Sanitize(unit, allowColon: false),
    };

    private static string Sanitize(string value, bool allowColon)
    {
        if (value.Length == 0)
        {
            return "_";
        }
        var builder = new StringBuilder(value.Length + 1);
        if (char.IsAsciiDigit(value[0]))
        {
            builder.Append('_');
        }
        foreach (var c in value)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }
        return builder.ToString();
    }
}
