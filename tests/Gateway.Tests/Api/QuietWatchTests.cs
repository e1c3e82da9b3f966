using System.Net;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class QuietWatchTests
{
    /// <summary>kubectl get -w on a resource nobody writes must still get its 200 and headers at once.</summary>
    [Fact]
    public async Task A_watch_with_no_events_answers_its_headers_at_once()
    {
        await using var server = await GatewayTestServer.StartAsync();
        using var client = server.Client();
        var rv = (string?)System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/v1/namespaces/default/configmaps", TestContext.Current.CancellationToken))!["metadata"]!["resourceVersion"];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));

        using var response = await client.GetAsync($"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={rv}", HttpCompletionOption.ResponseHeadersRead, deadline.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
