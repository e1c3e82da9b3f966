using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Actors.Gateway.Tests.Api;

/// <summary>Services through the HTTP API: allocation, 422s naming the field, and replaces that leave allocated values out.</summary>
[Trait("Category", "E2E")]
public sealed class ServiceApiEndToEndTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Services_get_a_clusterIP_and_nodePorts_and_conflicts_are_422()
    {
        await using var server = await GatewayTestServer.StartAsync();
        using var client = server.Client();

        using var created = await Send(client, HttpMethod.Post, "/api/v1/namespaces/default/services",
            """{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"type":"NodePort","selector":{"app":"web"},"ports":[{"port":80,"nodePort":30080}]}}""");
        await Expect(HttpStatusCode.Created, created);
        var web = await Json(created);
        var clusterIP = web["spec"]!["clusterIP"]!.GetValue<string>();
        Assert.StartsWith("10.", clusterIP, StringComparison.Ordinal);
        Assert.Equal(clusterIP, web["spec"]!["clusterIPs"]![0]!.GetValue<string>());

        using var taken = await Send(client, HttpMethod.Post, "/api/v1/namespaces/default/services",
            """{"apiVersion":"v1","kind":"Service","metadata":{"name":"other"},"spec":{"type":"NodePort","ports":[{"port":80,"nodePort":30080}]}}""");
        await Expect((HttpStatusCode)422, taken);
        var status = await Json(taken);
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        var cause = status["details"]!["causes"]![0]!;
        Assert.Equal("spec.ports[0].nodePort", cause["field"]!.GetValue<string>());
        Assert.Equal("Invalid value: 30080: provided port is already allocated", cause["message"]!.GetValue<string>());

        // A replace that leaves the allocated values out keeps them; one that moves the clusterIP is refused.
        using var replaced = await Send(client, HttpMethod.Put, "/api/v1/namespaces/default/services/web",
            """{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"type":"NodePort","selector":{"app":"web"},"ports":[{"port":8080}]}}""");
        await Expect(HttpStatusCode.OK, replaced);
        var spec = (await Json(replaced))["spec"]!;
        Assert.Equal((clusterIP, 8080, 30080), (spec["clusterIP"]!.GetValue<string>(), spec["ports"]![0]!["port"]!.GetValue<int>(), spec["ports"]![0]!["nodePort"]!.GetValue<int>()));
        using var moved = await Send(client, HttpMethod.Patch, "/api/v1/namespaces/default/services/web", """{"spec":{"clusterIP":"10.96.0.77","clusterIPs":["10.96.0.77"]}}""");
        await Expect((HttpStatusCode)422, moved);

        // Back to ClusterIP: the unchanged nodePort is dropped and released.
        using var toClusterIP = await Send(client, HttpMethod.Patch, "/api/v1/namespaces/default/services/web", """{"spec":{"type":"ClusterIP"}}""");
        await Expect(HttpStatusCode.OK, toClusterIP);
        Assert.Null((await Json(toClusterIP))["spec"]!["ports"]![0]!["nodePort"]);
        using var reused = await Send(client, HttpMethod.Post, "/api/v1/namespaces/default/services",
            """{"apiVersion":"v1","kind":"Service","metadata":{"name":"other"},"spec":{"type":"NodePort","ports":[{"port":80,"nodePort":30080}]}}""");
        await Expect(HttpStatusCode.Created, reused);
    }

    private static async Task Expect(HttpStatusCode code, HttpResponseMessage response)
    {
        var body = response.StatusCode == code ? "" : await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == code, $"expected {code}, got {response.StatusCode}: {body}");
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string json) =>
        client.SendAsync(new HttpRequestMessage(method, path)
        {
            Content = new StringContent(json, Encoding.UTF8, method == HttpMethod.Patch ? "application/merge-patch+json" : "application/json"),
        }, Ct);

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
}
