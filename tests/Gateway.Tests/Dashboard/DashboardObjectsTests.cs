using System.Net;
using System.Text.Json.Nodes;
using Actors.Gateway.Dashboard.Objects;
using System.Text.Json;
using Actors.TestSupport;

namespace Actors.Gateway.Tests.Dashboard;

/// <summary>The objects API over a real control plane: a deployment rolling out on hollow nodes, read page by page.</summary>
[Trait("Category", "Unit")]
public sealed class DashboardObjectsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Objects_show_a_deployment_rolled_out_its_pods_and_the_nodes_they_take()
    {
        await using var app = await GatewayTestApp.StartAsync(controlPlane: true);
        var ct = TestContext.Current.CancellationToken;
        await HollowCluster.AddNodeAsync(app.Grains, "node-a", 0);
        await HollowCluster.AddNodeAsync(app.Grains, "node-b", 0);
        await HollowCluster.CreateDeploymentAsync(app.Grains, "shop", "web", 3);

        JsonElement deployment = default;
        await Eventually.WaitAsync("web rolled out", async () =>
        {
            deployment = (await GetAsync(app, "/dashboard/api/objects/deployments?namespace=shop", ct)).GetProperty("items")[0];
            return deployment.GetProperty("rolledOut").GetBoolean();
        }, Timeout, () => deployment.ToString());
        Assert.Equal("deployment/shop/web", deployment.GetProperty("grain").GetString());
        Assert.Equal(3, deployment.GetProperty("available").GetInt32());

        var pods = (await GetAsync(app, "/dashboard/api/objects/pods?namespace=shop", ct)).GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(3, pods.Length);
        Assert.All(pods, p =>
        {
            Assert.Equal("Running", p.GetProperty("phase").GetString());
            Assert.StartsWith("node-", p.GetProperty("node").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("replicaset/shop/web-", p.GetProperty("ownerGrain").GetString(), StringComparison.Ordinal);
        });

        var nodes = (await GetAsync(app, "/dashboard/api/objects/nodes", ct)).GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["node/node-a", "node/node-b"], nodes.Select(n => n.GetProperty("grain").GetString()));
        Assert.Equal(3, nodes.Sum(n => n.GetProperty("pods").GetInt32()));
        Assert.Equal(300, nodes.Sum(n => n.GetProperty("requestedMilliCpu").GetInt64()));
        Assert.All(nodes, n => Assert.Equal(4000, n.GetProperty("allocatableMilliCpu").GetInt64()));

        // Every grain a row names is one the grain view can open.
        using var grain = await app.Http.GetAsync("/dashboard/api/grain/" + deployment.GetProperty("grain").GetString(), ct);
        Assert.Equal(HttpStatusCode.OK, grain.StatusCode);

        // A resource grain shows the object it holds and its last reconcile; its ReplicaSet's shows the pods it created.
        var rsGrain = (await GetAsync(app, "/dashboard/api/objects/pods", ct)).GetProperty("items")[0].GetProperty("ownerGrain").GetString();
        var details = await GetAsync(app, $"/dashboard/api/grain/{rsGrain}", ct);
        var states = details.GetProperty("persistentStates");
        Assert.Equal("ReplicaSet", states.GetProperty("object").GetProperty("kind").GetString());
        var last = states.GetProperty("lastReconcile");
        Assert.Equal("ok", last.GetProperty("result").GetString());
        Assert.True(last.GetProperty("durationMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task Pages_of_objects_are_limited_and_say_when_more_remain()
    {
        await using var app = await GatewayTestApp.StartAsync(controlPlane: true);
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 5; i++)
        {
            await HollowCluster.AddNodeAsync(app.Grains, $"node-{i}", 0);
        }

        var first = await GetAsync(app, "/dashboard/api/objects/nodes?limit=2", ct);
        var last = await GetAsync(app, "/dashboard/api/objects/nodes?limit=2&offset=4", ct);

        Assert.Equal(["node-0", "node-1"], first.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.True(first.GetProperty("more").GetBoolean());
        Assert.Equal(["node-4"], last.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.False(last.GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task A_thousand_pods_come_a_page_at_a_time()
    {
        await using var app = await GatewayTestApp.StartAsync(controlPlane: true);
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 1000; i++)
        {
            var pod = new JsonObject
            {
                ["metadata"] = new JsonObject { ["namespace"] = "load", ["name"] = $"pod-{i:D4}" },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["image"] = "actors/busybox:1" }) },
            };
            await app.Store!.CreateAsync("Pod", pod, ct);
        }

        var first = await GetAsync(app, "/dashboard/api/objects/pods", ct);
        var last = await GetAsync(app, "/dashboard/api/objects/pods?offset=950&limit=100", ct);

        Assert.Equal(ObjectQuery.DefaultLimit, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("more").GetBoolean());
        Assert.Equal("pod-0950", last.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(50, last.GetProperty("items").GetArrayLength());
        Assert.False(last.GetProperty("more").GetBoolean());
    }

    [Theory]
    [InlineData("/dashboard/api/objects/pods?limit=0", HttpStatusCode.BadRequest, "limit must be")]
    [InlineData("/dashboard/api/objects/pods?offset=x", HttpStatusCode.BadRequest, "offset must be")]
    [InlineData("/dashboard/api/objects/secrets", HttpStatusCode.NotFound, "not 'secrets'")]
    public async Task Bad_object_queries_get_a_4xx_naming_the_problem(string path, HttpStatusCode status, string message)
    {
        await using var app = await GatewayTestApp.StartAsync(controlPlane: true);

        using var response = await app.Http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(message, body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> GetAsync(GatewayTestApp app, string path, CancellationToken ct) =>
        JsonDocument.Parse(await app.Http.GetStringAsync(path, ct)).RootElement.Clone();
}
