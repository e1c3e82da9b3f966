using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Actors.Gateway.Tests.Api;

/// <summary>
/// The bad-input suite against the real gateway in process: every bad request gets the Status Kubernetes gives (code,
/// reason, a message naming the offending field or thing), the server keeps serving, and storage holds exactly what
/// was accepted.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BadInputTests(ViewerGatewayFixture fixture) : IClassFixture<ViewerGatewayFixture>
{
    private const string ReadOnlyToken = ViewerGatewayFixture.ReadOnlyToken;

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    private static string Deployment(string name, string spec = """{"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"busybox:1"}]}}}""") =>
        $$"""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"{{name}}"},"spec":{{spec}}}""";

    /// <summary>Nine levels of ten aliases: a few hundred bytes that expand to a billion strings.</summary>
    internal static string Laughs()
    {
        var yaml = new StringBuilder("metadata: {name: laughs}\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }
        return yaml.Append("data: {x: *a9}\n").ToString();
    }

    /// <summary>A create that must be refused: what is sent, the expected Status, and the object that must not exist.</summary>
    private sealed record Case(string Path, string ContentType, string Body, int Code, string Reason, string MessageNames, string? CauseField, string Kind, string Namespace, string Name);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["malformed JSON"] = new(Deployments, "application/json", """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"broken-json" """, 400, "BadRequest", "not valid JSON", null, "Deployment", "default", "broken-json"),
        ["malformed YAML"] = new(Deployments, "application/yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: [broken-yaml\n", 400, "BadRequest", "YAML", null, "Deployment", "default", "broken-yaml"),
        ["YAML nested 100000 deep"] = new(ConfigMaps, "application/yaml", "metadata: {name: deep-yaml}\ndata: " + new string('[', 100_000) + new string(']', 100_000), 400, "BadRequest", "nesting deeper than 64 levels", null, "ConfigMap", "default", "deep-yaml"),
        ["JSON nested 100000 deep"] = new(ConfigMaps, "application/json", """{"metadata":{"name":"deep-json"},"data":""" + new string('[', 100_000) + new string(']', 100_000) + "}", 400, "BadRequest", "depth", null, "ConfigMap", "default", "deep-json"),
        ["YAML billion laughs"] = new(ConfigMaps, "application/yaml", Laughs(), 400, "BadRequest", "excessive aliasing", null, "ConfigMap", "default", "laughs"),
        ["replicas as a word"] = new(Deployments, "application/json", Deployment("wordy", """{"replicas":"three","selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}"""), 400, "BadRequest", "cannot unmarshal string into Go struct field spec.replicas of type int32", null, "Deployment", "default", "wordy"),
        ["name as a number"] = new(ConfigMaps, "application/json", """{"metadata":{"name":5}}""", 400, "BadRequest", "metadata.name of type string", null, "ConfigMap", "default", "5"),
        ["label value as a bool (YAML 1.1 y)"] = new(ConfigMaps, "application/json", """{"metadata":{"name":"yes-label","labels":{"app":true}}}""", 400, "BadRequest", "metadata.labels.app", null, "ConfigMap", "default", "yes-label"),
        ["unknown kind"] = new(Deployments, "application/json", """{"apiVersion":"apps/v1","kind":"Widget","metadata":{"name":"widget"}}""", 400, "BadRequest", "kind (Widget)", null, "Deployment", "default", "widget"),
        ["unknown apiVersion"] = new(Deployments, "application/json", """{"apiVersion":"apps/v2","kind":"Deployment","metadata":{"name":"future"}}""", 400, "BadRequest", "apps/v2", null, "Deployment", "default", "future"),
        ["unknown group"] = new("/apis/widgets.example.com/v1/namespaces/default/widgets", "application/json", """{"metadata":{"name":"w"}}""", 404, "NotFound", "could not find the requested resource", null, "Deployment", "default", "w"),
        ["unknown resource"] = new("/api/v1/namespaces/default/widgets", "application/json", """{"metadata":{"name":"w"}}""", 404, "NotFound", "could not find the requested resource", null, "ConfigMap", "default", "w"),
        ["upper-case name"] = new(Deployments, "application/json", Deployment("Upper_Case"), 422, "Invalid", "\"Upper_Case\"", "metadata.name", "Deployment", "default", "Upper_Case"),
        ["300-character name"] = new(ConfigMaps, "application/json", $$$"""{"metadata":{"name":"{{{new string('a', 300)}}}"}}""", 422, "Invalid", "no more than 253 characters", "metadata.name", "ConfigMap", "default", new string('a', 300)),
        ["invalid label key"] = new(ConfigMaps, "application/json", """{"metadata":{"name":"bad-key","labels":{"bad key!":"v"}}}""", 422, "Invalid", "\"bad key!\"", "metadata.labels", "ConfigMap", "default", "bad-key"),
        ["invalid label value"] = new(ConfigMaps, "application/json", """{"metadata":{"name":"bad-value","labels":{"k":"bad value!"}}}""", 422, "Invalid", "\"bad value!\"", "metadata.labels", "ConfigMap", "default", "bad-value"),
        ["deployment without selector"] = new(Deployments, "application/json", Deployment("no-selector", """{"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}"""), 422, "Invalid", "spec.selector: Required value", "spec.selector", "Deployment", "default", "no-selector"),
        ["deployment without containers"] = new(Deployments, "application/json", Deployment("no-containers", """{"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{}}}"""), 422, "Invalid", "spec.template.spec.containers: Required value", "spec.template.spec.containers", "Deployment", "default", "no-containers"),
        ["unknown field, Strict"] = new(Deployments + "?fieldValidation=Strict", "application/json", Deployment("typo", """{"replica":2,"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i","imagePulPolicy":"Always"}]}}}"""), 400, "BadRequest", "strict decoding error: unknown field \"spec.replica\", unknown field \"spec.template.spec.containers[0].imagePulPolicy\"", null, "Deployment", "default", "typo"),
        ["unsupported fieldValidation"] = new(ConfigMaps + "?fieldValidation=Loose", "application/json", """{"metadata":{"name":"loose"}}""", 400, "BadRequest", "fieldValidation: Unsupported value: \"Loose\"", null, "ConfigMap", "default", "loose"),
        ["namespace that does not exist"] = new("/api/v1/namespaces/nowhere/configmaps", "application/json", """{"metadata":{"name":"lost"}}""", 404, "NotFound", "namespaces \"nowhere\" not found", null, "ConfigMap", "nowhere", "lost"),
        ["namespace mismatch"] = new(ConfigMaps, "application/json", """{"metadata":{"name":"elsewhere","namespace":"kube-system"}}""", 400, "BadRequest", "does not match the namespace", null, "ConfigMap", "kube-system", "elsewhere"),
        ["unsupported media type"] = new(ConfigMaps, "text/csv", "name,value", 415, "UnsupportedMediaType", "application/json", null, "ConfigMap", "default", "name"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_create_gets_its_status_and_writes_nothing(string caseName)
    {
        var c = Cases[caseName];
        using var client = fixture.Gateway.Client();

        using var response = await client.PostAsync(c.Path, new StringContent(c.Body, Encoding.UTF8, c.ContentType), Ct);

        var status = await StatusAssert.ExpectAsync(response, c.Code, c.Reason, c.MessageNames);
        if (c.CauseField is { } field)
        {
            Assert.Contains(status["details"]!["causes"]!.AsArray(), cause => (string?)cause!["field"] == field);
        }
        Assert.Null(await fixture.Gateway.Store.GetAsync(c.Kind, c.Namespace, c.Name, Ct));
        await AssertStillServingAsync(client);
    }

    [Fact]
    public async Task Unknown_field_without_Strict_is_kept_with_a_warning()
    {
        using var client = fixture.Gateway.Client();

        using var response = await client.PostAsync(ConfigMaps, Json("""{"metadata":{"name":"warned"},"data":{"a":"1"},"colour":"red"}"""), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["299 - \"unknown field \\\"colour\\\"\""], response.Headers.GetValues("Warning"));
        Assert.Equal("1", (string?)(await fixture.Gateway.Store.GetAsync("ConfigMap", "default", "warned", Ct))!["data"]!["a"]);
    }

    /// <summary>
    /// Over HTTP/2, as kubectl speaks it over TLS: the server answers while the body is still coming, which
    /// HTTP/1.1 can only signal by closing the connection. Declared (Content-Length) and streamed (unknown length) bodies.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Body_over_3_MiB_is_413_and_writes_nothing(bool declaredLength)
    {
        using var client = fixture.Gateway.Client();
        var body = Encoding.UTF8.GetBytes($$$"""{"metadata":{"name":"huge"},"data":{"blob":"{{{new string('x', 3 * 1024 * 1024)}}}"}}""");
        HttpContent content = declaredLength ? new ByteArrayContent(body) : new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, ConfigMaps) { Content = content, Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await client.SendAsync(request, Ct);

        await StatusAssert.ExpectAsync(response, 413, "RequestEntityTooLarge", "Request entity too large");
        Assert.Null(await fixture.Gateway.Store.GetAsync("ConfigMap", "default", "huge", Ct));
        await AssertStillServingAsync(client);
    }

    [Fact]
    public async Task Stale_resourceVersion_on_PUT_is_409_Conflict_and_keeps_the_newer_object()
    {
        using var client = fixture.Gateway.Client();
        using var created = await client.PostAsync(ConfigMaps, Json("""{"metadata":{"name":"versioned"},"data":{"v":"1"}}"""), Ct);
        var stale = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!.AsObject();
        using var newer = await client.PatchAsync(ConfigMaps + "/versioned", new StringContent("""{"data":{"v":"2"}}""", Encoding.UTF8, "application/merge-patch+json"), Ct);
        Assert.Equal(HttpStatusCode.OK, newer.StatusCode);

        stale["data"]!["v"] = "stale";
        using var response = await client.PutAsync(ConfigMaps + "/versioned", Json(stale.ToJsonString()), Ct);

        await StatusAssert.ExpectAsync(response, 409, "Conflict", "Operation cannot be fulfilled on configmaps \"versioned\"");
        Assert.Equal("2", (string?)(await fixture.Gateway.Store.GetAsync("ConfigMap", "default", "versioned", Ct))!["data"]!["v"]);
    }

    [Fact]
    public async Task Creating_an_existing_object_is_409_AlreadyExists_and_keeps_the_first()
    {
        using var client = fixture.Gateway.Client();
        using var first = await client.PostAsync(ConfigMaps, Json("""{"metadata":{"name":"taken"},"data":{"owner":"first"}}"""), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var response = await client.PostAsync(ConfigMaps, Json("""{"metadata":{"name":"taken"},"data":{"owner":"second"}}"""), Ct);

        await StatusAssert.ExpectAsync(response, 409, "AlreadyExists", "configmaps \"taken\" already exists");
        Assert.Equal("first", (string?)(await fixture.Gateway.Store.GetAsync("ConfigMap", "default", "taken", Ct))!["data"]!["owner"]);
    }

    [Theory]
    [InlineData("GET", "exec-bound", "exec", "", 400, "BadRequest", "you must specify at least 1 command")]
    [InlineData("GET", "exec-missing", "exec", "?command=sh", 404, "NotFound", "pods \"exec-missing\" not found")]
    [InlineData("GET", "exec-pending", "exec", "?command=sh", 400, "BadRequest", "pod exec-pending does not have a host assigned")]
    [InlineData("GET", "exec-bound", "exec", "?command=sh&container=nope", 400, "BadRequest", "container nope is not valid for pod exec-bound")]
    [InlineData("GET", "exec-two", "exec", "?command=sh", 400, "BadRequest", "a container name must be specified for pod exec-two, choose one of: [a b]")]
    [InlineData("GET", "exec-bound", "exec", "?command=sh&stdout=true", 400, "BadRequest", "Upgrade request required")]
    [InlineData("POST", "exec-bound", "exec", "?command=sh&container=main", 400, "BadRequest", "Upgrade request required")]
    [InlineData("POST", "exec-bound", "attach", "?stdin=true&stdout=true", 400, "BadRequest", "Upgrade request required")]
    [InlineData("GET", "exec-missing", "attach", "?stdout=true", 404, "NotFound", "pods \"exec-missing\" not found")]
    [InlineData("POST", "exec-missing", "portforward", "", 404, "NotFound", "pods \"exec-missing\" not found")]
    [InlineData("POST", "exec-pending", "portforward", "", 400, "BadRequest", "pod exec-pending does not have a host assigned")]
    [InlineData("POST", "exec-bound", "portforward", "", 400, "BadRequest", "pod exec-bound is not running - current status=Pending")]
    [InlineData("POST", "exec-running", "portforward", "", 400, "BadRequest", "Upgrade request required")]
    [InlineData("GET", "exec-running", "portforward", "?ports=8080", 400, "BadRequest", "Upgrade request required")]
    public async Task Exec_attach_and_port_forward_refusals_come_before_the_upgrade_as_statuses(string method, string pod, string subresource, string query, int code, string reason, string message)
    {
        using var client = fixture.Gateway.Client();
        await CreateExecPodsAsync(client);
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/namespaces/default/pods/{pod}/{subresource}{query}");

        using var response = await client.SendAsync(request, Ct);

        await StatusAssert.ExpectAsync(response, code, reason, message);
    }

    [Theory]
    [InlineData("exec", "?command=sh&stdout=true", "v3.channel.k8s.io", "exec over SPDY needs the stream protocol v4.channel.k8s.io")]
    [InlineData("portforward", "", "v4.channel.k8s.io", "port-forward needs the stream protocol portforward.k8s.io")]
    public async Task A_SPDY_upgrade_without_a_stream_protocol_we_speak_is_refused(string subresource, string query, string offered, string message)
    {
        using var client = fixture.Gateway.Client();
        await CreateExecPodsAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/namespaces/default/pods/exec-running/{subresource}{query}");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("SPDY", "3.1"));
        request.Headers.Add("X-Stream-Protocol-Version", offered);

        using var response = await client.SendAsync(request, Ct);

        await StatusAssert.ExpectAsync(response, 400, "BadRequest", message);
    }

    /// <summary>Pods to refuse exec and port-forward for: bound to a node (Pending, and one Running), unscheduled, with two containers.</summary>
    private static async Task CreateExecPodsAsync(HttpClient client)
    {
        foreach (var (name, node, containers) in new[] { ("exec-bound", "node-x", "main"), ("exec-running", "node-x", "main"), ("exec-pending", null, "main"), ("exec-two", "node-x", "a b") })
        {
            var spec = new JsonObject { ["containers"] = new JsonArray([.. containers.Split(' ').Select(c => (JsonNode)new JsonObject { ["name"] = c, ["image"] = "actors/busybox:1" })]) };
            if (node is not null)
            {
                spec["nodeName"] = node;
            }
            using var created = await client.PostAsync("/api/v1/namespaces/default/pods", Json(new JsonObject { ["metadata"] = new JsonObject { ["name"] = name }, ["spec"] = spec }.ToJsonString()), Ct);
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{name}: {created.StatusCode}");
        }
        using var running = new StringContent("""{"status":{"phase":"Running"}}""", System.Text.Encoding.UTF8, "application/merge-patch+json");
        using var patched = await client.PatchAsync("/api/v1/namespaces/default/pods/exec-running/status", running, Ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
    }

    [Theory]
    [InlineData("application/merge-patch+json", """{"metadata":{"resourceVersion":5}}""", "metadata.resourceVersion of type string")]
    [InlineData("application/merge-patch+json", """{"data":{"k":7}}""", "data.k of type string")]
    [InlineData("application/strategic-merge-patch+json", """{"metadata":{"labels":{"app":true}}}""", "metadata.labels.app of type string")]
    public async Task Patch_with_wrong_types_is_400_and_changes_nothing(string patchType, string patch, string messageNames)
    {
        using var client = fixture.Gateway.Client();
        var name = "patched-" + Guid.NewGuid().ToString("N")[..6];
        using var created = await client.PostAsync(ConfigMaps, Json($$$"""{"metadata":{"name":"{{{name}}}"},"data":{"k":"v"}}"""), Ct);
        var before = (await fixture.Gateway.Store.GetAsync("ConfigMap", "default", name, Ct))!.ToJsonString();

        using var response = await client.PatchAsync($"{ConfigMaps}/{name}", new StringContent(patch, Encoding.UTF8, patchType), Ct);

        await StatusAssert.ExpectAsync(response, 400, "BadRequest", messageNames);
        Assert.Equal(before, (await fixture.Gateway.Store.GetAsync("ConfigMap", "default", name, Ct))!.ToJsonString());
    }

    [Fact]
    public async Task Apply_patch_without_fieldManager_is_422_and_creates_nothing()
    {
        using var client = fixture.Gateway.Client();

        using var response = await client.PatchAsync(ConfigMaps + "/unmanaged", new StringContent("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"unmanaged"}}""", Encoding.UTF8, "application/apply-patch+yaml"), Ct);

        var status = await StatusAssert.ExpectAsync(response, 422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
        Assert.Equal("fieldManager", (string?)status["details"]!["causes"]![0]!["field"]);
        Assert.Null(await fixture.Gateway.Store.GetAsync("ConfigMap", "default", "unmanaged", Ct));
    }

    [Fact]
    public async Task Apply_patch_into_a_missing_namespace_is_404()
    {
        using var client = fixture.Gateway.Client();

        using var response = await client.PatchAsync("/api/v1/namespaces/nowhere/configmaps/applied?fieldManager=test", new StringContent("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"applied"}}""", Encoding.UTF8, "application/apply-patch+yaml"), Ct);

        await StatusAssert.ExpectAsync(response, 404, "NotFound", "namespaces \"nowhere\" not found");
        Assert.Null(await fixture.Gateway.Store.GetAsync("ConfigMap", "nowhere", "applied", Ct));
    }

    [Fact]
    public async Task Strict_merge_patch_with_an_unknown_field_is_422_and_changes_nothing()
    {
        using var client = fixture.Gateway.Client();
        using var created = await client.PostAsync(ConfigMaps, Json("""{"metadata":{"name":"strict-patched"},"data":{"k":"v"}}"""), Ct);
        var before = (await fixture.Gateway.Store.GetAsync("ConfigMap", "default", "strict-patched", Ct))!.ToJsonString();

        using var response = await client.PatchAsync(ConfigMaps + "/strict-patched?fieldValidation=Strict", new StringContent("""{"dta":{"k":"w"}}""", Encoding.UTF8, "application/merge-patch+json"), Ct);

        var status = await StatusAssert.ExpectAsync(response, 422, "Invalid", "strict decoding error: unknown field \"dta\"");
        Assert.Equal("patch", (string?)status["details"]!["causes"]![0]!["field"]);
        Assert.Equal(before, (await fixture.Gateway.Store.GetAsync("ConfigMap", "default", "strict-patched", Ct))!.ToJsonString());
    }

    [Theory]
    [InlineData("?limit=1&continue=garbage", 400, "BadRequest", "invalid continue token: \"garbage\"")]
    [InlineData("?resourceVersion=abc", 400, "BadRequest", "invalid resourceVersion \"abc\"")]
    [InlineData("?resourceVersion=999999999&resourceVersionMatch=Exact", 504, "Timeout", "Timeout: Too large resource version: 999999999")]
    public async Task Bad_list_parameters_get_the_apiservers_status_not_500(string query, int code, string reason, string messageNames)
    {
        using var client = fixture.Gateway.Client();

        using var response = await client.GetAsync(ConfigMaps + query, Ct);

        await StatusAssert.ExpectAsync(response, code, reason, messageNames);
    }

    [Theory]
    [InlineData("PUT", "scale", "application/json", """{"spec":5}""", 400, "BadRequest", "field spec of type ScaleSpec")]
    [InlineData("PUT", "scale", "application/json", """{"spec":{"replicas":-1}}""", 422, "Invalid", "spec.replicas")]
    [InlineData("PUT", "scale", "application/json", """{"metadata":5,"spec":{"replicas":2}}""", 400, "BadRequest", "Scale in version \"v1\" cannot be handled as a Scale: json: cannot unmarshal number into Go struct field metadata of type ObjectMeta")]
    [InlineData("PATCH", "status", "application/merge-patch+json", """{"status":{"conditions":"x"}}""", 400, "BadRequest", "status.conditions")]
    [InlineData("PATCH", "status", "application/merge-patch+json", """{"status":{"replicas":"many"}}""", 400, "BadRequest", "status.replicas of type int32")]
    public async Task Bad_scale_and_status_writes_are_4xx_and_change_nothing(string method, string subresource, string contentType, string body, int code, string reason, string messageNames)
    {
        using var client = fixture.Gateway.Client();
        var name = "sub-" + Guid.NewGuid().ToString("N")[..6];
        using var created = await client.PostAsync(Deployments, Json(Deployment(name)), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var before = (await fixture.Gateway.Store.GetAsync("Deployment", "default", name, Ct))!["spec"]!.ToJsonString();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"{Deployments}/{name}/{subresource}") { Content = new StringContent(body, Encoding.UTF8, contentType) }, Ct);

        await StatusAssert.ExpectAsync(response, code, reason, messageNames);
        var stored = (await fixture.Gateway.Store.GetAsync("Deployment", "default", name, Ct))!;
        Assert.Equal(before, stored["spec"]!.ToJsonString());
        Assert.NotEqual("x", (string?)(stored["status"]?["conditions"] as JsonValue));
    }

    [Theory]
    [InlineData("""{"propagationPolicy":5}""", "DeleteOptions.propagationPolicy of type string")]
    [InlineData("""{"preconditions":5}""", "DeleteOptions.preconditions of type Preconditions")]
    [InlineData("""{"dryRun":"All"}""", "DeleteOptions.dryRun of type []string")]
    [InlineData("""{"gracePeriodSeconds":"soon"}""", "DeleteOptions.gracePeriodSeconds of type int64")]
    public async Task Delete_options_of_the_wrong_type_are_400_and_delete_nothing(string options, string messageNames)
    {
        using var client = fixture.Gateway.Client();
        var name = "kept-" + Guid.NewGuid().ToString("N")[..6];
        using var created = await client.PostAsync(ConfigMaps, Json($$$"""{"metadata":{"name":"{{{name}}}"}}"""), Ct);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{ConfigMaps}/{name}") { Content = Json(options) }, Ct);

        await StatusAssert.ExpectAsync(response, 400, "BadRequest", messageNames);
        Assert.NotNull(await fixture.Gateway.Store.GetAsync("ConfigMap", "default", name, Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Missing_or_wrong_token_is_401_and_writes_nothing(string? token)
    {
        using var client = fixture.Gateway.Client(token ?? "");
        if (token is null)
        {
            client.DefaultRequestHeaders.Authorization = null;
        }

        using var response = await client.PostAsync(ConfigMaps, Json("""{"metadata":{"name":"anonymous"}}"""), Ct);

        await StatusAssert.ExpectAsync(response, 401, "Unauthorized", "Unauthorized");
        Assert.Null(await fixture.Gateway.Store.GetAsync("ConfigMap", "default", "anonymous", Ct));
    }

    [Fact]
    public async Task Read_only_group_reads_but_writing_is_403_naming_verb_and_resource()
    {
        using var viewer = fixture.Gateway.Client(ReadOnlyToken);

        using var list = await viewer.GetAsync(ConfigMaps, Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var response = await viewer.PostAsync(ConfigMaps, Json("""{"metadata":{"name":"viewer-wrote"}}"""), Ct);

        await StatusAssert.ExpectAsync(response, 403, "Forbidden", "configmaps is forbidden: User \"viewer\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"default\"");
        Assert.Null(await fixture.Gateway.Store.GetAsync("ConfigMap", "default", "viewer-wrote", Ct));
    }

    [Fact]
    public async Task Create_in_a_terminating_namespace_is_403_Forbidden()
    {
        using var client = fixture.Gateway.Client();
        using var ns = await client.PostAsync("/api/v1/namespaces", Json("""{"metadata":{"name":"doomed"}}"""), Ct);
        Assert.Equal(HttpStatusCode.Created, ns.StatusCode);
        // A finalizer no one removes keeps the namespace Terminating for the rest of the test.
        using var held = await client.PostAsync("/api/v1/namespaces/doomed/configmaps", Json("""{"metadata":{"name":"held","finalizers":["example.com/hold"]}}"""), Ct);
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        using var deleting = await client.DeleteAsync("/api/v1/namespaces/doomed", Ct);
        Assert.Equal(HttpStatusCode.OK, deleting.StatusCode);

        using var response = await client.PostAsync("/api/v1/namespaces/doomed/configmaps", Json("""{"metadata":{"name":"late"}}"""), Ct);

        await StatusAssert.ExpectAsync(response, 403, "Forbidden", "configmaps \"late\" is forbidden: unable to create new content in namespace doomed because it is being terminated");
        Assert.Null(await fixture.Gateway.Store.GetAsync("ConfigMap", "doomed", "late", Ct));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertStillServingAsync(HttpClient client)
    {
        using var version = await client.GetAsync("/api/v1/namespaces/default/configmaps?limit=1", Ct);
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
    }
}
