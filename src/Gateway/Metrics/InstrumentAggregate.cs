using System.Collections.Concurrent;
using System.Globalization;

namespace Actors.Gateway.Metrics;

/// <summary>
/// The running values of every instrument that maps to one Prometheus name. Instruments of the same name on
/// different Meter instances (one per silo in a test process) add up into the same series.
/// </summary>
internal sealed class InstrumentAggregate(string name, MetricType type, string help, bool observable, bool lastValue, IReadOnlyList<double> bounds)
{
    private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public MetricType Type { get; } = type;

    public bool IsObservable { get; } = observable;

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var key = string.Join('\u0001', labels.Select(l => l.Key + "\u0002" + l.Value));
        var series = _series.GetOrAdd(key, _ => new Series(labels, bounds.Count + 1));
        lock (series)
        {
            if (Type == MetricType.Histogram)
            {
                series.Buckets[BucketIndex(bounds, value)]++;
                series.Count++;
                series.Value += value;
            }
            else if (lastValue)
            {
                series.Value = value;
            }
            else
            {
                series.Value += value;
            }
        }
    }

    /// <summary>Observable instruments report afresh on every scrape: series that stop reporting disappear.</summary>
    public void ResetObservations() => _series.Clear();

    public MetricFamily Snapshot()
    {
        var ordered = _series.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value).ToArray();
        if (Type == MetricType.Histogram)
        {
            return MetricFamily.Histogram(Name, help, ordered.Select(s =>
            {
                lock (s)
                {
                    return new HistogramPoint(s.Labels, bounds, s.Buckets.ToArray(), s.Value, s.Count);
                }
            }).ToArray());
        }
        return MetricFamily.Scalar(Name, Type, help, ordered.Select(s =>
        {
            lock (s)
            {
                return new MetricPoint(s.Labels, s.Value);
            }
        }).ToArray());
    }

    /// <summary>Prometheus buckets are "less than or equal": the first bound not below the value.</summary>
    internal static int BucketIndex(IReadOnlyList<double> bounds, double value)
    {
        for (var i = 0; i < bounds.Count; i++)
        {
            if (value <= bounds[i])
            {
                return i;
            }
        }
        return bounds.Count;
    }

    private static KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new(PrometheusNames.LabelName(tags[i].Key), Convert.ToString(tags[i].Value, CultureInfo.InvariantCulture) ?? "");
        }
        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }

    private sealed class Series(KeyValuePair<string, string>[] labels, int buckets)
    {
        public KeyValuePair<string, string>[] Labels { get; } = labels;

        public long[] Buckets { get; } = new long[buckets];

        public double Value { get; set; }

        public long Count { get; set; }
    }
}
