using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Actors.Gateway.Metrics;

/// <summary>
/// Listens to every instrument of the runtime's meter ("Actors.Runtime") and of any meter named "Actors.*",
/// and keeps the aggregates a Prometheus scrape reads.
/// </summary>
public sealed class PrometheusMetricsListener : IDisposable
{
    /// <summary>Latency buckets in seconds, from half a millisecond (a local turn) to 30 s (the response timeout).</summary>
    public static readonly IReadOnlyList<double> LatencyBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, InstrumentAggregate> _aggregates = new(StringComparer.Ordinal);
    private readonly Lock _collecting = new();

    public PrometheusMetricsListener()
    {
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<byte>((i, v, t, s) => Record(s, v, t));
        _listener.SetMeasurementEventCallback<short>((i, v, t, s) => Record(s, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, s) => Record(s, v, t));
        _listener.SetMeasurementEventCallback<long>((i, v, t, s) => Record(s, v, t));
        _listener.SetMeasurementEventCallback<float>((i, v, t, s) => Record(s, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, s) => Record(s, v, t));
        _listener.SetMeasurementEventCallback<decimal>((i, v, t, s) => Record(s, (double)v, t));
        _listener.Start();
    }

    /// <summary>The meters this listener aggregates: the runtime's and every other of the project's.</summary>
    public static bool IsProjectMeter(string meterName) =>
        meterName == "Actors.Runtime" || meterName.StartsWith("Actors.", StringComparison.Ordinal);

    /// <summary>Every family aggregated so far, observable instruments read now, ordered by name.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (_collecting)
        {
            foreach (var aggregate in _aggregates.Values.Where(a => a.IsObservable))
            {
                aggregate.ResetObservations();
            }
            _listener.RecordObservableInstruments();
            return _aggregates.Values.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Snapshot()).ToArray();
        }
    }

    public void Dispose() => _listener.Dispose();

    private static void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        (state as InstrumentAggregate)?.Record(value, tags);

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!IsProjectMeter(instrument.Meter.Name) || Describe(instrument) is not { } kind)
        {
            return;
        }
        var name = PrometheusNames.MetricName(instrument.Name, instrument.Unit, kind.Type);
        var help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description;
        var aggregate = _aggregates.GetOrAdd(name, _ => new InstrumentAggregate(
            name, kind.Type, help, instrument.IsObservable, kind.LastValue, kind.Type == MetricType.Histogram ? LatencyBuckets : []));
        // Two instruments of different kinds under one name would corrupt the family: the first one wins.
        if (aggregate.Type == kind.Type && aggregate.IsObservable == instrument.IsObservable)
        {
            listener.EnableMeasurementEvents(instrument, aggregate);
        }
    }

    private static (MetricType Type, bool LastValue)? Describe(Instrument instrument)
    {
        if (!instrument.GetType().IsGenericType)
        {
            return null;
        }
        var definition = instrument.GetType().GetGenericTypeDefinition();
        return definition switch
        {
            _ when definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>) => (MetricType.Counter, false),
            _ when definition == typeof(UpDownCounter<>) || definition == typeof(ObservableUpDownCounter<>) => (MetricType.Gauge, false),
            _ when definition == typeof(ObservableGauge<>) => (MetricType.Gauge, false),
            _ when definition == typeof(Gauge<>) => (MetricType.Gauge, true),
            _ when definition == typeof(Histogram<>) => (MetricType.Histogram, false),
            _ => null,
        };
    }
}
