using System.Diagnostics.Metrics;
using Actors.Gateway.Metrics;

namespace Actors.Gateway.Tests.Metrics;

[Trait("Category", "Unit")]
public sealed class PrometheusMetricsListenerTests
{
    [Fact]
    public void Aggregates_counters_histograms_and_gauges_of_project_meters()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        using var listener = new PrometheusMetricsListener();
        using var meter = new Meter("Actors.Tests." + id);
        using var foreign = new Meter("Other.Tests." + id);
        var counter = meter.CreateCounter<long>($"t{id}.requests", description: "Requests");
        var histogram = meter.CreateHistogram<double>($"t{id}.duration", unit: "s");
        var upDown = meter.CreateUpDownCounter<int>($"t{id}-open");
        var queue = 7;
        meter.CreateObservableGauge($"t{id}.queue", () => new Measurement<int>(queue, new KeyValuePair<string, object?>("kind", "work")));
        foreign.CreateCounter<long>($"t{id}.foreign").Add(1);

        counter.Add(2, new KeyValuePair<string, object?>("method", "Get"));
        counter.Add(3, new KeyValuePair<string, object?>("method", "Get"));
        counter.Add(1, new KeyValuePair<string, object?>("method", "Put \"x\""));
        histogram.Record(0.002);
        histogram.Record(0.2);
        histogram.Record(100);
        upDown.Add(5);
        upDown.Add(-2);

        var (types, samples) = ExpositionParser.Parse(PrometheusTextFormatter.Format(listener.Collect()));

        Assert.Equal("counter", types[$"t{id}_requests_total"]);
        Assert.Equal(5, Value(samples, $"t{id}_requests_total", ("method", "Get")));
        Assert.Equal(1, Value(samples, $"t{id}_requests_total", ("method", "Put \"x\"")));
        Assert.Equal("histogram", types[$"t{id}_duration_seconds"]);
        Assert.Equal(3, Value(samples, $"t{id}_duration_seconds_count"));
        Assert.Equal(100.202, Value(samples, $"t{id}_duration_seconds_sum"), 6);
        Assert.Equal(1, Value(samples, $"t{id}_duration_seconds_bucket", ("le", "0.0025")));
        Assert.Equal(2, Value(samples, $"t{id}_duration_seconds_bucket", ("le", "30")));
        Assert.Equal(3, Value(samples, $"t{id}_duration_seconds_bucket", ("le", "+Inf")));
        Assert.Equal("gauge", types[$"t{id}_open"]);
        Assert.Equal(3, Value(samples, $"t{id}_open"));
        Assert.Equal(7, Value(samples, $"t{id}_queue", ("kind", "work")));
        Assert.DoesNotContain(types.Keys, k => k.Contains("foreign", StringComparison.Ordinal));

        queue = 9;
        counter.Add(10, new KeyValuePair<string, object?>("method", "Get"));
        (_, samples) = ExpositionParser.Parse(PrometheusTextFormatter.Format(listener.Collect()));
        Assert.Equal(9, Value(samples, $"t{id}_queue", ("kind", "work")));
        Assert.Equal(15, Value(samples, $"t{id}_requests_total", ("method", "Get")));
    }

    [Theory]
    [InlineData("Actors.Runtime", true)]
    [InlineData("Actors.Gateway", true)]
    [InlineData("Actors", false)]
    [InlineData("Microsoft.AspNetCore.Hosting", false)]
    public void Listens_to_the_project_meters_only(string meter, bool expected) =>
        Assert.Equal(expected, PrometheusMetricsListener.IsProjectMeter(meter));

    internal static double Value(IReadOnlyList<ExpositionSample> samples, string name, params (string Key, string Value)[] labels) =>
        samples.Single(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).Value;
}
