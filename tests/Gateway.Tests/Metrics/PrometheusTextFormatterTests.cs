using Actors.Gateway.Metrics;

namespace Actors.Gateway.Tests.Metrics;

[Trait("Category", "Unit")]
public sealed class PrometheusTextFormatterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("tab\tstays", "tab\tstays")]
    public void Label_values_escape_backslash_quote_and_newline(string value, string expected) =>
        Assert.Equal(expected, PrometheusTextFormatter.EscapeLabelValue(value));

    [Theory]
    [InlineData("say \"hi\"\\\n", "say \"hi\"\\\\\\n")]
    public void Help_escapes_backslash_and_newline_only(string value, string expected) =>
        Assert.Equal(expected, PrometheusTextFormatter.EscapeHelp(value));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.5, "1.5")]
    [InlineData(0.0005, "0.0005")]
    [InlineData(12345678.0, "12345678")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void Values_use_invariant_spellings(double value, string expected) =>
        Assert.Equal(expected, PrometheusTextFormatter.FormatValue(value));

    [Fact]
    public void Counter_family_is_written_with_help_type_and_labels()
    {
        var family = MetricFamily.Scalar("calls_total", MetricType.Counter, "Calls\nmade", [
            new MetricPoint([new("grain_type", "counter"), new("method", "Add\"1\"")], 3),
            new MetricPoint([], 1),
        ]);

        var text = PrometheusTextFormatter.Format([family]);

        Assert.Equal(
            "# HELP calls_total Calls\\nmade\n# TYPE calls_total counter\n" +
            "calls_total{grain_type=\"counter\",method=\"Add\\\"1\\\"\"} 3\ncalls_total 1\n",
            text);
    }

    [Fact]
    public void Histogram_buckets_are_cumulative_and_end_with_inf()
    {
        var family = MetricFamily.Histogram("latency_seconds", "Latency", [
            new HistogramPoint([new("method", "Get")], [0.1, 1], [2, 1, 4], 12.5, 7),
        ]);

        var text = PrometheusTextFormatter.Format([family]);

        Assert.Equal(
            "# HELP latency_seconds Latency\n# TYPE latency_seconds histogram\n" +
            "latency_seconds_bucket{method=\"Get\",le=\"0.1\"} 2\n" +
            "latency_seconds_bucket{method=\"Get\",le=\"1\"} 3\n" +
            "latency_seconds_bucket{method=\"Get\",le=\"+Inf\"} 7\n" +
            "latency_seconds_sum{method=\"Get\"} 12.5\n" +
            "latency_seconds_count{method=\"Get\"} 7\n",
            text);
        var (types, samples) = ExpositionParser.Parse(text);
        Assert.Equal("histogram", types["latency_seconds"]);
        Assert.Equal(5, samples.Count);
    }

    [Fact]
    public void Unlabelled_histogram_puts_le_alone_in_braces()
    {
        var text = PrometheusTextFormatter.Format([MetricFamily.Histogram("h", "h", [new HistogramPoint([], [1], [0, 0], 0, 0)])]);

        Assert.Contains("h_bucket{le=\"1\"} 0\n", text);
        Assert.Contains("h_sum 0\n", text);
    }

    [Theory]
    [InlineData(0.0001, 0)]
    [InlineData(0.0005, 0)]
    [InlineData(0.0006, 1)]
    [InlineData(30.0, 14)]
    [InlineData(31.0, 15)]
    public void Values_fall_in_the_first_bucket_not_below_them(double value, int expected) =>
        Assert.Equal(expected, InstrumentAggregate.BucketIndex(PrometheusMetricsListener.LatencyBuckets, value));
}
