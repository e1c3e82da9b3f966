using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "E2E")]
public sealed class KubernetesApiEndToEndTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_version_and_authentication()
    {
        await using var server = await GatewayTestServer.StartAsync();
        using var client = server.Client();
        using var anonymous = server.Client("wrong-token");

        var version = await Json(await anonymous.GetAsync("/version", Ct));
        Assert.Equal("33", version["minor"]!.GetValue<string>());

        using var denied = await anonymous.GetAsync("/api", Ct);
        await Expect(HttpStatusCode.Unauthorized, denied);
        Assert.Equal("Unauthorized", (await Json(denied))["reason"]!.GetValue<string>());

        var core = await Json(await client.GetAsync("/api/v1", Ct));
        var pods = core["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "pods")!;
        Assert.Equal("po", pods["shortNames"]![0]!.GetValue<string>());
        var apps = await Json(await client.GetAsync("/apis/apps/v1", Ct));
        Assert.Contains(apps["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "deployments/scale" && r["group"]!.GetValue<string>() == "autoscaling");
        using var openapi = await client.GetAsync("/openapi/v2", Ct);
        await Expect(HttpStatusCode.OK, openapi);
    }

    [Fact]
    public async Task Create_get_list_update_delete_a_config_map_with_statuses()
    {
        await using var server = await GatewayTestServer.StartAsync();
        using var client = server.Client();

        using var ns = await Post(client, "/api/v1/namespaces", """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team"}}""");
        await Expect(HttpStatusCode.Created, ns);

        using var created = await Post(client, "/api/v1/namespaces/team/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg","labels":{"app":"web"}},"data":{"a":"1"}}""");
        await Expect(HttpStatusCode.Created, created);
        var stored = await server.Store.GetAsync("ConfigMap", "team", "cfg", Ct);
        Assert.Equal("1", stored!["data"]!["a"]!.GetValue<string>());

        using var duplicate = await Post(client, "/api/v1/namespaces/team/configmaps", """{"metadata":{"name":"cfg"}}""");
        await Expect(HttpStatusCode.Conflict, duplicate);
        Assert.Equal("AlreadyExists", (await Json(duplicate))["reason"]!.GetValue<string>());

        var yaml = new StringContent("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  n: \"2\"\n", Encoding.UTF8, "application/yaml");
        using var fromYaml = await client.PostAsync("/api/v1/namespaces/team/configmaps", yaml, Ct);
        await Expect(HttpStatusCode.Created, fromYaml);

        var list = await Json(await client.GetAsync("/api/v1/namespaces/team/configmaps?labelSelector=app%3Dweb", Ct));
        Assert.Equal("ConfigMapList", list["kind"]!.GetValue<string>());
        Assert.Equal(["cfg"], list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/team/configmaps");
        request.Headers.TryAddWithoutValidation("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        var table = await Json(await client.SendAsync(request, Ct));
        Assert.Equal("Table", table["kind"]!.GetValue<string>());
        Assert.Equal(["Name", "Data", "Age"], table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(table["metadata"]!["resourceVersion"]!.GetValue<string>()));

        var current = await Json(await client.GetAsync("/api/v1/namespaces/team/configmaps/cfg", Ct));
        var staleVersion = current["metadata"]!["resourceVersion"]!.GetValue<string>();
        using var patched = await client.PatchAsync("/api/v1/namespaces/team/configmaps/cfg",
            new StringContent("""{"data":{"b":"2"}}""", Encoding.UTF8, "application/merge-patch+json"), Ct);
        await Expect(HttpStatusCode.OK, patched);
        current["data"]!["c"] = "3";
        using var stale = await client.PutAsync("/api/v1/namespaces/team/configmaps/cfg", new StringContent(current.ToJsonString(), Encoding.UTF8, "application/json"), Ct);
        await Expect(HttpStatusCode.Conflict, stale);
        Assert.NotEqual(staleVersion, (await server.Store.GetAsync("ConfigMap", "team", "cfg", Ct))!["metadata"]!["resourceVersion"]!.GetValue<string>());

        using var invalid = await Post(client, "/api/v1/namespaces/team/configmaps", """{"metadata":{"name":"Bad_Name"}}""");
        await Expect((HttpStatusCode)422, invalid);
        Assert.Equal("Invalid", (await Json(invalid))["reason"]!.GetValue<string>());

        using var unknownType = await client.PostAsync("/api/v1/namespaces/team/configmaps", new StringContent("x", Encoding.UTF8, "text/csv"), Ct);
        await Expect(HttpStatusCode.UnsupportedMediaType, unknownType);

        using var deleted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/namespaces/team/configmaps/cfg")
        {
            Content = new StringContent("""{"propagationPolicy":"Background"}""", Encoding.UTF8, "application/json"),
        }, Ct);
        await Expect(HttpStatusCode.OK, deleted);
        Assert.Null(await server.Store.GetAsync("ConfigMap", "team", "cfg", Ct));
        using var missing = await client.GetAsync("/api/v1/namespaces/team/configmaps/cfg", Ct);
        await Expect(HttpStatusCode.NotFound, missing);
        Assert.Equal("configmaps \"cfg\" not found", (await Json(missing))["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Watch_sends_synthetic_added_then_changes()
    {
        await using var server = await GatewayTestServer.StartAsync();
        using var client = server.Client();
        using var first = await Post(client, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"one"}}""");
        await Expect(HttpStatusCode.Created, first);

        using var watch = await client.GetAsync("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=20", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await watch.Content.ReadAsStreamAsync(Ct));
        var added = JsonNode.Parse((await reader.ReadLineAsync(Ct))!)!;
        Assert.Equal("ADDED", added["type"]!.GetValue<string>());
        Assert.Equal("one", added["object"]!["metadata"]!["name"]!.GetValue<string>());

        using var second = await Post(client, "/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"two"}}""");
        var next = JsonNode.Parse((await reader.ReadLineAsync(Ct))!)!;
        Assert.Equal("ADDED", next["type"]!.GetValue<string>());
        Assert.Equal("two", next["object"]!["metadata"]!["name"]!.GetValue<string>());

        using var gone = await client.GetAsync("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=abc", Ct);
        await Expect(HttpStatusCode.BadRequest, gone);
    }

    private static async Task Expect(HttpStatusCode code, HttpResponseMessage response)
    {
        var body = response.StatusCode == code ? "" : await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == code, $"expected {code}, got {response.StatusCode}: {body}");
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
}
