using Actors.Gateway.Tests.Dashboard;

namespace Actors.Gateway.Tests.Metrics;

[Trait("Category", "Unit")]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Grain_calls_move_the_call_counter_and_show_activations()
    {
        await using var app = await GatewayTestApp.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await app.Grains.GetGrain<ITallyGrain>("metrics-a").AddAsync(1);
        var before = await ScrapeAsync(app, ct);
        var callsBefore = Calls(before.Samples);

        for (var i = 0; i < 5; i++)
        {
            await app.Grains.GetGrain<ITallyGrain>("metrics-" + i).AddAsync(1);
        }
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Grains.GetGrain<ITallyGrain>("metrics-a").FailAsync("boom"));

        var after = await ScrapeAsync(app, ct);
        Assert.Equal("counter", after.Types["actors_grain_calls_total"]);
        Assert.True(Calls(after.Samples) >= callsBefore + 5, $"calls went from {callsBefore} to {Calls(after.Samples)}");
        Assert.True(after.Samples.Where(s => s.Name == "actors_grain_call_errors_total" && s.Labels["grain_type"] == "tally" && s.Labels["method"].StartsWith("FailAsync", StringComparison.Ordinal)).Sum(s => s.Value) >= 1);
        Assert.Equal("histogram", after.Types["actors_grain_call_duration_seconds"]);
        Assert.Contains(after.Samples, s => s.Name == "actors_grain_call_duration_seconds_bucket" && s.Labels["le"] == "0.0005");
        var activations = after.Samples.Single(s => s.Name == "actors_grain_activations" && s.Labels["grain_type"] == "tally");
        Assert.True(activations.Value >= 5, $"activations {activations.Value}");
        Assert.Equal(app.Silo.Address.ToParsableString(), activations.Labels["silo"]);
    }

    [Fact]
    public async Task Exposition_has_the_text_format_content_type()
    {
        await using var app = await GatewayTestApp.StartAsync();

        using var response = await app.Http.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    private static double Calls(IReadOnlyList<ExpositionSample> samples) =>
        samples.Where(s => s.Name == "actors_grain_calls_total" && s.Labels.GetValueOrDefault("grain_type") == "tally" && s.Labels.GetValueOrDefault("method")?.StartsWith("AddAsync", StringComparison.Ordinal) == true).Sum(s => s.Value);

    private static async Task<(IReadOnlyDictionary<string, string> Types, IReadOnlyList<ExpositionSample> Samples)> ScrapeAsync(GatewayTestApp app, CancellationToken ct)
    {
        var text = await app.Http.GetStringAsync("/metrics", ct);
        return ExpositionParser.Parse(text);
    }
}
