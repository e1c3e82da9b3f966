using Actors.Gateway.Metrics;

namespace Actors.Gateway.Tests.Metrics;

[Trait("Category", "Unit")]
public sealed class PrometheusNamesTests
{
    [Theory]
    [InlineData("actors.grain.calls", null, MetricType.Counter, "actors_grain_calls_total")]
    [InlineData("actors.grain.call_duration", "s", MetricType.Histogram, "actors_grain_call_duration_seconds")]
    [InlineData("orleans-messaging-sent-bytes", "By", MetricType.Counter, "orleans_messaging_sent_bytes_total")]
    [InlineData("orleans-networking-connections", null, MetricType.Gauge, "orleans_networking_connections")]
    [InlineData("requests_total", null, MetricType.Counter, "requests_total")]
    [InlineData("latency_seconds", "s", MetricType.Histogram, "latency_seconds")]
    [InlineData("queue.wait", "ms", MetricType.Histogram, "queue_wait_milliseconds")]
    [InlineData("items", "{item}", MetricType.Gauge, "items")]
    [InlineData("ratio", "1", MetricType.Gauge, "ratio")]
    [InlineData("9lives", null, MetricType.Gauge, "_9lives")]
    [InlineData("a:b c/d", null, MetricType.Gauge, "a:b_c_d")]
    public void Metric_names_follow_prometheus_conventions(string instrument, string? unit, MetricType type, string expected) =>
        Assert.Equal(expected, PrometheusNames.MetricName(instrument, unit, type));

    [Theory]
    [InlineData("grain_type", "grain_type")]
    [InlineData("grain.type", "grain_type")]
    [InlineData("a:b", "a_b")]
    [InlineData("1st", "_1st")]
    [InlineData("", "_")]
    public void Label_names_have_no_colons_or_leading_digits(string tag, string expected) =>
        Assert.Equal(expected, PrometheusNames.LabelName(tag));
}
