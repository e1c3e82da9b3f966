using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Actors.Runtime.Statistics;

/// <summary>
/// Per grain type and method: calls, errors, latency; per grain type: timer ticks. Feeds the management API
/// and, through <see cref="RuntimeMeter"/>, System.Diagnostics.Metrics.
/// </summary>
public sealed class GrainCallStatistics
{
    private readonly ConcurrentDictionary<(string GrainType, string Method), MethodStatistics> _methods = new();
    private readonly ConcurrentDictionary<string, long> _timerTicks = new(StringComparer.Ordinal);
    private readonly Counter<long> _calls;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _ticks;

    public GrainCallStatistics(RuntimeMeter meter)
    {
        _calls = meter.Meter.CreateCounter<long>("actors.grain.calls", description: "Grain calls completed on this silo");
        _errors = meter.Meter.CreateCounter<long>("actors.grain.call_errors", description: "Grain calls that threw");
        _latency = meter.Meter.CreateHistogram<double>("actors.grain.call_duration", unit: "s", description: "Grain call duration on the callee");
        _ticks = meter.Meter.CreateCounter<long>("actors.grain.timer_ticks", description: "Grain timer ticks");
    }

    public IReadOnlyCollection<MethodStatistics> Methods => _methods.Values.ToArray();

    public IReadOnlyDictionary<string, long> TimerTicks => new Dictionary<string, long>(_timerTicks);

    internal void Record(string grainType, string method, TimeSpan elapsed, bool failed)
    {
        var statistics = _methods.GetOrAdd((grainType, method), key => new MethodStatistics(key.GrainType, key.Method));
        statistics.Record(elapsed, failed);
        var tags = new KeyValuePair<string, object?>[] { new("grain_type", grainType), new("method", method) };
        _calls.Add(1, tags);
        if (failed)
        {
            _errors.Add(1, tags);
        }
        _latency.Record(elapsed.TotalSeconds, tags);
    }

    internal void RecordTimerTick(string grainType)
    {
        _timerTicks.AddOrUpdate(grainType, 1, (_, count) => count + 1);
        _ticks.Add(1, new KeyValuePair<string, object?>("grain_type", grainType));
    }
}
