using System.Net;
using System.Text.Json;
using Actors.TestSupport;

namespace Actors.Gateway.Tests.Dashboard;

[Trait("Category", "Unit")]
public sealed class DashboardApiTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Cluster_shows_this_silo_active_with_its_membership_history()
    {
        await using var app = await GatewayTestApp.StartAsync();
        var address = app.Silo.Address.ToParsableString();

        JsonElement cluster = default;
        await Eventually.WaitAsync("the silo and its statistics in /dashboard/api/cluster", async () =>
        {
            cluster = await GetJsonAsync(app, "/dashboard/api/cluster");
            return cluster.GetProperty("silos").GetArrayLength() == 1
                && cluster.GetProperty("silos")[0].GetProperty("memoryBytes").ValueKind == JsonValueKind.Number;
        }, Deadline);

        var silo = cluster.GetProperty("silos")[0];
        Assert.Equal(address, silo.GetProperty("address").GetString());
        Assert.Equal("dashboard-test", silo.GetProperty("name").GetString());
        Assert.Equal("control-plane", silo.GetProperty("role").GetString());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        Assert.True(silo.GetProperty("uptimeSeconds").GetDouble() >= 0);
        Assert.True(silo.GetProperty("memoryBytes").GetInt64() > 0);
        Assert.True(silo.GetProperty("cpuPercent").GetDouble() >= 0);
        var first = cluster.GetProperty("history")[0];
        Assert.Equal(address, first.GetProperty("address").GetString());
        Assert.Equal("Active", first.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Grains_show_rates_after_calls_and_one_grain_shows_its_state()
    {
        await using var app = await GatewayTestApp.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 3; i++)
        {
            await app.Grains.GetGrain<ITallyGrain>("api-" + i).AddAsync(i + 1);
        }
        await app.Grains.GetGrain<ITallyGrain>("api-0").StartTickingAsync(50);
        await app.Grains.GetGrain<IEchoGrain>("e").EchoAsync("x");

        JsonElement tally = default;
        await Eventually.WaitAsync("tally calls/s and activations in /dashboard/api/grains", async () =>
        {
            // Keep calling so that a sample interval surely sees calls.
            await app.Grains.GetGrain<ITallyGrain>("api-1").AddAsync(1);
            await Assert.ThrowsAsync<InvalidOperationException>(() => app.Grains.GetGrain<ITallyGrain>("api-2").FailAsync("dashboard boom"));
            var grains = await GetJsonAsync(app, "/dashboard/api/grains");
            tally = grains.GetProperty("grainTypes").EnumerateArray().FirstOrDefault(g => g.GetProperty("grainType").GetString() == "tally");
            return tally.ValueKind == JsonValueKind.Object
                && tally.GetProperty("activations").GetInt32() == 3
                && tally.GetProperty("callsPerSecond").GetDouble() > 0
                && tally.GetProperty("exceptionsPerSecond").GetDouble() > 0
                && tally.GetProperty("timerTicksPerSecond").GetDouble() > 0
                && grains.GetProperty("history").GetArrayLength() > 1;
        }, Deadline, () => tally.ToString());
        Assert.Equal(app.Silo.Address.ToParsableString(), tally.GetProperty("silo").GetString());
        Assert.True(tally.GetProperty("averageMs").GetDouble() > 0);
        Assert.True(tally.GetProperty("p99Ms").GetDouble() > 0);

        var methods = await GetJsonAsync(app, "/dashboard/api/methods?top=5");
        Assert.Contains(methods.GetProperty("byCalls").EnumerateArray(), m => m.GetProperty("method").GetString()!.StartsWith("AddAsync", StringComparison.Ordinal) && m.GetProperty("grainType").GetString() == "tally");
        Assert.Contains(methods.GetProperty("byErrors").EnumerateArray(), m => m.GetProperty("method").GetString()!.StartsWith("FailAsync", StringComparison.Ordinal) && m.GetProperty("errors").GetInt64() >= 1);
        Assert.True(methods.GetProperty("byLatency").GetArrayLength() > 0);

        var type = await GetJsonAsync(app, "/dashboard/api/grains/tally");
        Assert.Equal(["tally/api-0", "tally/api-1", "tally/api-2"], type.GetProperty("activationIds").EnumerateArray().Select(e => e.GetString()).Order());

        var grain = await GetJsonAsync(app, "/dashboard/api/grain/tally/api-0");
        Assert.Equal("tally/api-0", grain.GetProperty("grainId").GetString());
        var state = grain.GetProperty("persistentStates").GetProperty("tally");
        Assert.Equal(1, state.GetProperty("total").GetInt32());
        Assert.Equal("tally api-0", state.GetProperty("label").GetString());
        Assert.Equal(1, grain.GetProperty("timers").GetArrayLength());
        Assert.True(grain.GetProperty("timers")[0].GetProperty("periodMs").GetDouble() == 50);
        Assert.Contains(grain.GetProperty("recentCalls").EnumerateArray(), c => c.GetProperty("method").GetString()!.StartsWith("AddAsync", StringComparison.Ordinal));

        var failed = await GetJsonAsync(app, "/dashboard/api/grain/tally/api-2");
        Assert.Contains(failed.GetProperty("recentCalls").EnumerateArray(), c => c.GetProperty("error").GetString()?.Contains("dashboard boom", StringComparison.Ordinal) == true);

        using var missing = await app.Http.GetAsync("/dashboard/api/grain/tally/never-called", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("has no activation", await missing.Content.ReadAsStringAsync(ct));
        using var bad = await app.Http.GetAsync("/dashboard/api/grain/no-slash", ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var badTop = await app.Http.GetAsync("/dashboard/api/methods?top=lots", ct);
        Assert.Equal(HttpStatusCode.BadRequest, badTop.StatusCode);
        Assert.Contains("top must be", await badTop.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task Page_and_scripts_are_served_from_the_assembly()
    {
        await using var app = await GatewayTestApp.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        using var redirect = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress }.GetAsync("/dashboard", ct);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/dashboard/", redirect.Headers.Location?.ToString());

        using var page = await app.Http.GetAsync("/dashboard/", ct);
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType?.ToString());
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<script type=\"module\" src=\"app.js\">", await page.Content.ReadAsStringAsync(ct));

        using var script = await app.Http.GetAsync("/dashboard/app.js", ct);
        Assert.Equal("text/javascript; charset=utf-8", script.Content.Headers.ContentType?.ToString());
        var etag = script.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/dashboard/app.js");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await app.Http.SendAsync(conditional, ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var missing = await app.Http.GetAsync("/dashboard/nothing.js", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<JsonElement> GetJsonAsync(GatewayTestApp app, string path)
    {
        using var response = await app.Http.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
