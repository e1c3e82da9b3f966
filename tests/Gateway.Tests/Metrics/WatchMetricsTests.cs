using Actors.Gateway.Tests.Api;
using Actors.TestSupport;

namespace Actors.Gateway.Tests.Metrics;

[Trait("Category", "Unit")]
public sealed class WatchMetricsTests
{
    [Fact]
    public async Task An_open_watch_counts_as_a_watch_connection_until_it_closes()
    {
        await using var server = await GatewayTestServer.StartAsync();
        using var client = server.Client();
        var ct = TestContext.Current.CancellationToken;
        // The gauge is process-wide and other tests watch too: a kind only this test watches keeps it exact.
        var before = await WatchesAsync(client, ct);

        // The bookmark is the first line the server writes: once it is read, the watch is being served.
        using (var watch = await client.GetAsync("/api/v1/namespaces/default/secrets?watch=true&allowWatchBookmarks=true&timeoutSeconds=30", HttpCompletionOption.ResponseHeadersRead, ct))
        using (var reader = new StreamReader(await watch.Content.ReadAsStreamAsync(ct)))
        {
            Assert.Contains("BOOKMARK", await reader.ReadLineAsync(ct), StringComparison.Ordinal);
            Assert.Equal(before + 1, await WatchesAsync(client, ct));
        }

        await Eventually.WaitAsync("the closed watch to stop counting", async () => await WatchesAsync(client, ct) == before, TimeSpan.FromSeconds(10));
    }

    private static async Task<double> WatchesAsync(HttpClient client, CancellationToken ct)
    {
        var (types, samples) = ExpositionParser.Parse(await client.GetStringAsync("/metrics", ct));
        Assert.Equal("gauge", types.GetValueOrDefault("actors_watch_connections", "gauge"));
        return samples.Where(s => s.Name == "actors_watch_connections" && s.Labels["kind"] == "Secret").Sum(s => s.Value);
    }
}
