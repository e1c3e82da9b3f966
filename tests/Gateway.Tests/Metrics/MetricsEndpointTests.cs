using Actors.Gateway.Tests.Dashboard;
using Actors.TestSupport;

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

        // A call is counted as its turn completes, which may be just after the caller has its answer.
        var after = await ScrapeAsync(app, ct);
        await Eventually.WaitAsync("the five calls counted", async () =>
        {
            after = await ScrapeAsync(app, ct);
            return Calls(after.Samples) >= callsBefore + 5 && Errors(after.Samples) >= 1;
        }, TimeSpan.FromSeconds(10), () => $"calls went from {callsBefore} to {Calls(after.Samples)}, errors {Errors(after.Samples)}");
        Assert.Equal("counter", after.Types["actors_grain_calls_total"]);
        Assert.Equal("histogram", after.Types["actors_grain_call_duration_seconds"]);
        Assert.Contains(after.Samples, s => s.Name == "actors_grain_call_duration_seconds_bucket" && s.Labels["le"] == "0.0005");
        var activations = after.Samples.Single(s => s.Name == "actors_grain_activations" && s.Labels["grain_type"] == "tally");
        Assert.True(activations.Value >= 5, $"activations {activations.Value}");
        Assert.Equal(app.Silo.Address.ToParsableString(), activations.Labels["silo"]);
    }

    [Fact]
    public async Task Orchestrator_metrics_move_as_a_deployment_rolls_out()
    {
        await using var app = await GatewayTestApp.StartAsync(controlPlane: true);
        var ct = TestContext.Current.CancellationToken;
        var before = await ScrapeAsync(app, ct);
        Assert.Equal(0, Value(before.Samples, "actors_objects", "kind", "Deployment"));
        Assert.Equal("gauge", before.Types["actors_pods"]);

        await HollowCluster.AddNodeAsync(app.Grains, "metrics-node-a", 0);
        await HollowCluster.AddNodeAsync(app.Grains, "metrics-node-b", 0);
        await HollowCluster.CreateDeploymentAsync(app.Grains, "metrics", "web", 3);

        var after = before;
        await Eventually.WaitAsync("3 running pods on /metrics", async () =>
        {
            after = await ScrapeAsync(app, ct);
            return Value(after.Samples, "actors_pods", "phase", "Running") == 3;
        }, TimeSpan.FromSeconds(30), () => string.Join(", ", after.Samples.Where(s => s.Name == "actors_pods").Select(s => $"{s.Labels["phase"]}={s.Value}")));
        Assert.Equal(1, Value(after.Samples, "actors_objects", "kind", "Deployment"));
        Assert.Equal(3, Value(after.Samples, "actors_objects", "kind", "Pod"));
        Assert.Equal(2, Value(after.Samples, "actors_nodes", "ready", "true"));
        Assert.Equal(0, Value(after.Samples, "actors_nodes", "ready", "false"));
        // The instruments are process-wide and other tests reconcile too: these only ever grow, so "at least" holds.
        Assert.Equal("histogram", after.Types["actors_reconcile_duration_seconds"]);
        Assert.True(Value(after.Samples, "actors_reconcile_duration_seconds_count", "kind", "Deployment") > Value(before.Samples, "actors_reconcile_duration_seconds_count", "kind", "Deployment"));
        Assert.Equal("counter", after.Types["actors_scheduling_attempts_total"]);
        Assert.True(Value(after.Samples, "actors_scheduling_attempts_total", "result", "scheduled") >= Value(before.Samples, "actors_scheduling_attempts_total", "result", "scheduled") + 3);
        Assert.Contains(after.Samples, s => s.Name == "actors_scheduling_attempt_duration_seconds_bucket" && s.Labels["result"] == "scheduled");
    }

    [Fact]
    public async Task Exposition_has_the_text_format_content_type()
    {
        await using var app = await GatewayTestApp.StartAsync();

        using var response = await app.Http.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>The sum over the series of a name with one label's value (0 when there is none).</summary>
    private static double Value(IReadOnlyList<ExpositionSample> samples, string name, string label, string value) =>
        samples.Where(s => s.Name == name && s.Labels.GetValueOrDefault(label) == value).Sum(s => s.Value);

    private static double Calls(IReadOnlyList<ExpositionSample> samples) =>
        samples.Where(s => s.Name == "actors_grain_calls_total" && s.Labels.GetValueOrDefault("grain_type") == "tally" && s.Labels.GetValueOrDefault("method")?.StartsWith("AddAsync", StringComparison.Ordinal) == true).Sum(s => s.Value);

    private static double Errors(IReadOnlyList<ExpositionSample> samples) =>
        samples.Where(s => s.Name == "actors_grain_call_errors_total" && s.Labels.GetValueOrDefault("grain_type") == "tally" && s.Labels.GetValueOrDefault("method")?.StartsWith("FailAsync", StringComparison.Ordinal) == true).Sum(s => s.Value);

    private static async Task<(IReadOnlyDictionary<string, string> Types, IReadOnlyList<ExpositionSample> Samples)> ScrapeAsync(GatewayTestApp app, CancellationToken ct)
    {
        var text = await app.Http.GetStringAsync("/metrics", ct);
        return ExpositionParser.Parse(text);
    }
}
