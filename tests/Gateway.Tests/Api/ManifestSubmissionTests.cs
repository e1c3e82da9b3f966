using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Actors.Gateway.Tests.Api;

/// <summary>
/// Manifest submission against the real gateway in process: a YAML stream or JSON List goes in, every object is
/// server-side applied in file order, each answers for itself, and storage holds exactly what was applied.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ManifestSubmissionTests(ViewerGatewayFixture fixture) : IClassFixture<ViewerGatewayFixture>
{
    private const string Manifests = "/apis/actors.io/v1/manifests";
    private const string ReadOnlyToken = ViewerGatewayFixture.ReadOnlyToken;

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    /// <summary>A small application: its namespace first, then a ConfigMap, a Deployment and a Service in it.</summary>
    private static string App(string ns, string colour = "blue") => $$"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {{ns}}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: {{ns}}
        data:
          colour: {{colour}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: {{ns}}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: actors/busybox:1
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: {{ns}}
        spec:
          selector: {app: web}
          ports:
          - port: 80
        """;

    private static StringContent Yaml(string body) => new(body, Encoding.UTF8, "application/yaml");

    [Fact]
    public async Task Multi_document_yaml_creates_every_object_in_file_order()
    {
        using var client = fixture.Gateway.Client();

        var items = await SubmitAsync(client, Manifests, Yaml(App("shop")));

        Assert.Equal(
            ["0 v1 Namespace - shop created", "1 v1 ConfigMap shop settings created", "2 apps/v1 Deployment shop web created", "3 v1 Service shop web created"],
            items.Select(Line));
        Assert.NotNull(await fixture.Gateway.Store.GetAsync("Namespace", "", "shop", Ct));
        Assert.Equal("blue", (string?)(await fixture.Gateway.Store.GetAsync("ConfigMap", "shop", "settings", Ct))!["data"]!["colour"]);
        Assert.Equal(2, (int)(await fixture.Gateway.Store.GetAsync("Deployment", "shop", "web", Ct))!["spec"]!["replicas"]!);
        Assert.NotNull(await fixture.Gateway.Store.GetAsync("Service", "shop", "web", Ct));
    }

    [Fact]
    public async Task Posting_the_same_file_again_leaves_everything_unchanged()
    {
        using var client = fixture.Gateway.Client();
        await SubmitAsync(client, Manifests, Yaml(App("again")));
        var version = Version(await fixture.Gateway.Store.GetAsync("ConfigMap", "again", "settings", Ct));

        var items = await SubmitAsync(client, Manifests, Yaml(App("again")));

        Assert.All(items, item => Assert.Equal("unchanged", (string?)item["result"]));
        Assert.Equal(version, Version(await fixture.Gateway.Store.GetAsync("ConfigMap", "again", "settings", Ct)));
    }

    [Fact]
    public async Task Changing_one_document_configures_that_one_only()
    {
        using var client = fixture.Gateway.Client();
        await SubmitAsync(client, Manifests, Yaml(App("changed")));

        var items = await SubmitAsync(client, Manifests, Yaml(App("changed", colour: "green")));

        Assert.Equal(["unchanged", "configured", "unchanged", "unchanged"], items.Select(item => (string?)item["result"]));
        Assert.Equal("green", (string?)(await fixture.Gateway.Store.GetAsync("ConfigMap", "changed", "settings", Ct))!["data"]!["colour"]);
    }

    [Fact]
    public async Task Json_List_body_applies_each_item()
    {
        using var client = fixture.Gateway.Client();
        const string list = """
            {"apiVersion":"v1","kind":"List","items":[
              {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"listed"}},
              {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"one","namespace":"listed"},"data":{"n":"1"}}]}
            """;

        var items = await SubmitAsync(client, Manifests, new StringContent(list, Encoding.UTF8, "application/json"));

        Assert.Equal(["0 v1 Namespace - listed created", "1 v1 ConfigMap listed one created"], items.Select(Line));
        Assert.Equal("1", (string?)(await fixture.Gateway.Store.GetAsync("ConfigMap", "listed", "one", Ct))!["data"]!["n"]);
    }

    [Fact]
    public async Task A_bad_document_fails_alone_with_its_status_and_the_others_are_applied()
    {
        using var client = fixture.Gateway.Client();
        const string yaml = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: mixed}
            ---
            apiVersion: widgets.example.com/v1
            kind: Widget
            metadata: {name: gadget, namespace: mixed}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: Upper_Case, namespace: mixed}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: fine, namespace: mixed}
            """;

        var items = await SubmitAsync(client, Manifests, Yaml(yaml));

        Assert.Equal(
            ["0 v1 Namespace - mixed created", "1 widgets.example.com/v1 Widget mixed gadget failed", "2 v1 ConfigMap mixed Upper_Case failed", "3 v1 ConfigMap mixed fine created"],
            items.Select(Line));
        StatusAssert.Matches(items[1]["status"], 400, "BadRequest", "no matches for kind \"Widget\" in version \"widgets.example.com/v1\"");
        StatusAssert.Matches(items[2]["status"], 422, "Invalid", "\"Upper_Case\"");
        Assert.Null(await fixture.Gateway.Store.GetAsync("ConfigMap", "mixed", "Upper_Case", Ct));
        Assert.NotNull(await fixture.Gateway.Store.GetAsync("ConfigMap", "mixed", "fine", Ct));
    }

    /// <summary>A body that cannot be read as a whole: what is sent, the Status expected, and a ConfigMap it names that must not appear.</summary>
    public sealed record Unreadable(string ContentType, string Body, int Code, string Reason, string MessageNames);

    private const string ValidFirst = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: first, namespace: default}\n---\n";

    private static readonly Dictionary<string, Unreadable> UnreadableBodies = new()
    {
        ["malformed YAML after a valid document"] = new("application/yaml", ValidFirst + "kind: ConfigMap\nmetadata:\n  name: [broken\n", 400, "BadRequest", "error converting YAML to JSON"),
        ["empty body"] = new("application/yaml", "", 400, "BadRequest", "the request body is empty"),
        ["only separators and comments"] = new("application/yaml", "---\n# nothing\n---\n", 400, "BadRequest", "holds no objects"),
        ["malformed JSON"] = new("application/json", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"first" """, 400, "BadRequest", "not valid JSON"),
        ["YAML nested too deep"] = new("application/yaml", ValidFirst + "data: " + new string('[', 1000) + new string(']', 1000), 400, "BadRequest", "nesting deeper than 64 levels"),
        ["unknown content type"] = new("text/csv", ValidFirst, 415, "UnsupportedMediaType", "application/yaml"),
    };

    public static TheoryData<string> UnreadableNames => new(UnreadableBodies.Keys);

    [Theory]
    [MemberData(nameof(UnreadableNames))]
    public async Task Unreadable_body_is_refused_whole_and_applies_nothing(string caseName)
    {
        var c = UnreadableBodies[caseName];
        using var client = fixture.Gateway.Client();

        using var response = await client.PostAsync(Manifests, new StringContent(c.Body, Encoding.UTF8, c.ContentType), Ct);

        await StatusAssert.ExpectAsync(response, c.Code, c.Reason, c.MessageNames);
        Assert.Null(await fixture.Gateway.Store.GetAsync("ConfigMap", "default", "first", Ct));
    }

    [Fact]
    public async Task Namespace_query_places_namespaced_objects_without_one_and_never_cluster_scoped_ones()
    {
        using var client = fixture.Gateway.Client();
        const string yaml = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: placed, namespace: ignored}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: here}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: own, namespace: default}
            """;

        var items = await SubmitAsync(client, Manifests + "?namespace=placed", Yaml(yaml));

        Assert.Equal(["0 v1 Namespace - placed created", "1 v1 ConfigMap placed here created", "2 v1 ConfigMap default own created"], items.Select(Line));
        Assert.NotNull(await fixture.Gateway.Store.GetAsync("ConfigMap", "placed", "here", Ct));
        Assert.NotNull(await fixture.Gateway.Store.GetAsync("ConfigMap", "default", "own", Ct));
        Assert.Null((await fixture.Gateway.Store.GetAsync("Namespace", "", "placed", Ct))!["metadata"]!["namespace"]);
    }

    /// <summary>As on Kubernetes, a dry run creates no namespace, so the application goes into one that exists.</summary>
    [Fact]
    public async Task Dry_run_answers_as_if_applied_and_writes_nothing()
    {
        using var client = fixture.Gateway.Client();
        await SubmitAsync(client, Manifests, Yaml("apiVersion: v1\nkind: Namespace\nmetadata: {name: dry}\n"));

        var items = await SubmitAsync(client, Manifests + "?dryRun=All", Yaml(App("dry")));

        Assert.Equal(["unchanged", "created", "created", "created"], items.Select(item => (string?)item["result"]));
        Assert.Null(await fixture.Gateway.Store.GetAsync("ConfigMap", "dry", "settings", Ct));
        Assert.Null(await fixture.Gateway.Store.GetAsync("Deployment", "dry", "web", Ct));
        Assert.Null(await fixture.Gateway.Store.GetAsync("Service", "dry", "web", Ct));
    }

    [Fact]
    public async Task Dry_run_of_a_change_says_configured_and_keeps_the_stored_object()
    {
        using var client = fixture.Gateway.Client();
        await SubmitAsync(client, Manifests, Yaml(App("drychange")));

        var items = await SubmitAsync(client, Manifests + "?dryRun=All", Yaml(App("drychange", colour: "green")));

        Assert.Equal(["unchanged", "configured", "unchanged", "unchanged"], items.Select(item => (string?)item["result"]));
        Assert.Equal("blue", (string?)(await fixture.Gateway.Store.GetAsync("ConfigMap", "drychange", "settings", Ct))!["data"]!["colour"]);
    }

    [Fact]
    public async Task Another_managers_field_conflicts_until_forced()
    {
        using var client = fixture.Gateway.Client();
        await SubmitAsync(client, Manifests, Yaml(App("owned")));
        var recoloured = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: owned}\ndata: {colour: red}\n";

        var conflicted = await SubmitAsync(client, Manifests + "?fieldManager=other", Yaml(recoloured));
        var forced = await SubmitAsync(client, Manifests + "?fieldManager=other&force=true", Yaml(recoloured));

        StatusAssert.Matches(Assert.Single(conflicted)["status"], 409, "Conflict", "conflict with \"actors-manifest\"");
        Assert.Equal("configured", (string?)Assert.Single(forced)["result"]);
        Assert.Equal("red", (string?)(await fixture.Gateway.Store.GetAsync("ConfigMap", "owned", "settings", Ct))!["data"]!["colour"]);
    }

    [Fact]
    public async Task Unknown_fields_warn_on_their_line_and_fail_that_object_alone_under_Strict()
    {
        using var client = fixture.Gateway.Client();
        const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: typo}\ndatta: {a: b}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: exact}\n";

        var warned = await SubmitAsync(client, Manifests + "?namespace=default", Yaml(yaml));
        var strict = await SubmitAsync(client, Manifests + "?fieldValidation=Strict", Yaml(yaml.Replace("typo", "strict-typo", StringComparison.Ordinal)));

        Assert.Equal(["unknown field \"datta\""], warned[0]["warnings"]!.AsArray().Select(w => (string?)w));
        Assert.Equal(["created", "created"], warned.Select(item => (string?)item["result"]));
        StatusAssert.Matches(strict[0]["status"], 400, "BadRequest", "strict decoding error: unknown field \"datta\"");
        Assert.Equal("unchanged", (string?)strict[1]["result"]);
        Assert.Null(await fixture.Gateway.Store.GetAsync("ConfigMap", "default", "strict-typo", Ct));
    }

    [Theory]
    [InlineData(ReadOnlyToken, 403, "Forbidden", "User \"viewer\" cannot create resource \"manifests\" in API group \"actors.io\"")]
    [InlineData(null, 401, "Unauthorized", "Unauthorized")]
    public async Task Without_write_rights_the_whole_request_is_refused(string? token, int code, string reason, string messageNames)
    {
        using var client = fixture.Gateway.Client(token ?? "");
        if (token is null)
        {
            client.DefaultRequestHeaders.Authorization = null;
        }

        using var response = await client.PostAsync(Manifests, Yaml(App("refused")), Ct);

        await StatusAssert.ExpectAsync(response, code, reason, messageNames);
        Assert.Null(await fixture.Gateway.Store.GetAsync("Namespace", "", "refused", Ct));
    }

    [Fact]
    public async Task Get_is_405_MethodNotAllowed()
    {
        using var client = fixture.Gateway.Client();

        using var response = await client.GetAsync(Manifests, Ct);

        await StatusAssert.ExpectAsync(response, 405, "MethodNotAllowed", "does not allow this method");
    }

    /// <summary>curl's <c>--data-binary</c> without a Content-Type sends form encoding; it is read as YAML.</summary>
    [Fact]
    public async Task Curls_default_form_content_type_is_read_as_yaml()
    {
        using var client = fixture.Gateway.Client();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: curled}\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var items = await SubmitAsync(client, Manifests, content);

        Assert.Equal(["0 v1 ConfigMap default curled created"], items.Select(Line));
    }

    private static async Task<IReadOnlyList<JsonObject>> SubmitAsync(HttpClient client, string path, HttpContent content)
    {
        using var response = await client.PostAsync(path, content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        var body = JsonNode.Parse(text)!;
        Assert.Equal("ManifestResult", (string?)body["kind"]);
        return body["items"]!.AsArray().Select(item => item!.AsObject()).ToList();
    }

    private static string Line(JsonObject item) =>
        $"{item["index"]} {item["apiVersion"]} {item["kind"]} {(string?)item["namespace"] ?? "-"} {item["name"]} {item["result"]}";

    private static string? Version(JsonObject? obj) => (string?)obj?["metadata"]?["resourceVersion"];
}
