using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Boot;
using Actors.TestSupport;

namespace Actors.Grains.Tests.ControlPlane;

/// <summary>Services on one SQLite silo with hollow nodes: allocation of clusterIPs and nodePorts, and Endpoints that follow the pods.</summary>
[Trait("Category", "Unit")]
public sealed class ServiceEndpointsTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private ControlPlaneHost _plane = null!;

    public async ValueTask InitializeAsync()
    {
        _plane = await ControlPlaneHost.StartAsync();
        foreach (var node in new[] { "node-a", "node-b" })
        {
            await _plane.AddHollowNodeAsync(node);
        }
    }

    public ValueTask DisposeAsync() => _plane.DisposeAsync();

    private static JsonObject Deployment(int replicas) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "web",
                        ["image"] = "busybox:1",
                        ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["containerPort"] = 8080, ["protocol"] = "TCP" }),
                    }),
                },
            },
        },
    };

    private static JsonObject Service(string name, string spec) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = JsonNode.Parse(spec),
    };

    private IServiceGrain ServiceGrain(string name) => _plane.Grains.GetGrain<IServiceGrain>($"default/{name}");

    private Task<ObjectWriteResult> CreateServiceAsync(string name, string spec) => ServiceGrain(name).CreateAsync(Service(name, spec).ToJsonString());

    private Task ScaleAsync(int replicas) => ClientUpdate.ApplyAsync(_plane.Grains.GetGrain<IDeploymentGrain>("default/web"), d => d["spec"]!["replicas"] = replicas);

    /// <summary>The ready addresses' IPs and ports, and the IPs of the running, ready pods, once they agree on <paramref name="count"/>.</summary>
    private async Task WaitEndpointsMatchPodsAsync(int count)
    {
        string Describe(JsonObject? endpoints) => endpoints?.ToJsonString() ?? "no Endpoints";
        JsonObject? last = null;
        await Eventually.WaitAsync($"Endpoints with the {count} running pods", async () =>
        {
            last = await _plane.Store.GetAsync("Endpoints", "default", "web");
            var pods = (await _plane.Store.ListAsync("Pod", "default")).Items
                .Where(p => p["metadata"]?["deletionTimestamp"] is null && (string?)p["status"]?["phase"] == "Running")
                .ToArray();
            var podIPs = pods.Select(p => (string?)p["status"]?["podIP"]).Order(StringComparer.Ordinal).ToArray();
            var subsets = last?["subsets"] as JsonArray ?? [];
            var addresses = subsets.SelectMany(s => s?["addresses"] as JsonArray ?? []).Select(a => (string?)a?["ip"]).Order(StringComparer.Ordinal).ToArray();
            return pods.Length == count && podIPs.All(ip => ip is not null) && podIPs.SequenceEqual(addresses)
                && subsets.All(s => (int?)s?["ports"]?[0]?["port"] == 8080 && s?["notReadyAddresses"] is null);
        }, Deadline, () => Describe(last));
    }

    [Fact]
    public async Task DeploymentAndService_EndpointsFollowThePods_AndGoWithTheService()
    {
        var created = await CreateServiceAsync("web", """{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":"http"}]}""");
        Assert.Equal(ObjectWriteStatus.Created, created.Status);
        var service = JsonNode.Parse(created.Object!)!;
        Assert.Equal("10.96.1.1", (string?)service["spec"]!["clusterIP"]);
        Assert.Equal("ClusterIP", (string?)service["spec"]!["type"]);
        Assert.Equal("TCP", (string?)service["spec"]!["ports"]![0]!["protocol"]);
        await Eventually.WaitAsync("empty Endpoints for a service with no pods yet",
            async () => await _plane.Store.GetAsync("Endpoints", "default", "web", TestContext.Current.CancellationToken) is { } e && e["subsets"] is null, Deadline);

        Assert.Equal(ObjectWriteStatus.Created, (await _plane.Grains.GetGrain<IDeploymentGrain>("default/web").CreateAsync(Deployment(3).ToJsonString())).Status);
        await WaitEndpointsMatchPodsAsync(3);
        var endpoints = (await _plane.Store.GetAsync("Endpoints", "default", "web", TestContext.Current.CancellationToken))!;
        var address = endpoints["subsets"]![0]!["addresses"]![0]!;
        Assert.Equal("Pod", (string?)address["targetRef"]!["kind"]);
        Assert.StartsWith("node-", (string?)address["nodeName"], StringComparison.Ordinal);
        Assert.StartsWith("10.244.", (string?)address["ip"], StringComparison.Ordinal);

        await ScaleAsync(5);
        await WaitEndpointsMatchPodsAsync(5);
        await ScaleAsync(2);
        await WaitEndpointsMatchPodsAsync(2);

        Assert.Equal(ObjectWriteStatus.Deleted, (await ServiceGrain("web").DeleteAsync(new DeleteRequest())).Status);
        Assert.Null(await _plane.Store.GetAsync("Endpoints", "default", "web", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task APodThatTurnsNotReady_OrLosesItsLabel_LeavesTheReadyAddresses()
    {
        Assert.Equal(ObjectWriteStatus.Created, (await CreateServiceAsync("web", """{"selector":{"app":"web"},"ports":[{"port":80,"targetPort":8080}]}""")).Status);
        Assert.Equal(ObjectWriteStatus.Created, (await _plane.Grains.GetGrain<IDeploymentGrain>("default/web").CreateAsync(Deployment(2).ToJsonString())).Status);
        await WaitEndpointsMatchPodsAsync(2);
        var pods = (await _plane.Store.ListAsync("Pod", "default", cancellationToken: TestContext.Current.CancellationToken)).Items;
        var (first, second) = (pods[0], pods[1]);

        var notReady = first.DeepClone().AsObject();
        notReady["status"]!["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "False" });
        var firstGrain = _plane.Grains.GetGrain<IPodGrain>($"default/{first["metadata"]!["name"]}");
        Assert.Equal(ObjectWriteStatus.Updated, (await firstGrain.UpdateStatusAsync(notReady.ToJsonString())).Status);
        await Eventually.WaitAsync("the pod under notReadyAddresses", async () =>
        {
            var subset = (await _plane.Store.GetAsync("Endpoints", "default", "web", TestContext.Current.CancellationToken))?["subsets"]?[0];
            return (string?)subset?["notReadyAddresses"]?[0]?["ip"] == (string?)first["status"]!["podIP"]
                && (subset?["addresses"] as JsonArray)?.Count == 1;
        }, Deadline);

        await ClientUpdate.ApplyAsync(_plane.Grains.GetGrain<IPodGrain>($"default/{second["metadata"]!["name"]}"), p => p["metadata"]!["labels"]!["app"] = "debug");
        await Eventually.WaitAsync("the relabelled pod out of the Endpoints", async () =>
        {
            var endpoints = await _plane.Store.GetAsync("Endpoints", "default", "web", TestContext.Current.CancellationToken);
            var ips = (endpoints?["subsets"] as JsonArray ?? []).SelectMany(s => (s?["addresses"] as JsonArray ?? []).Concat(s?["notReadyAddresses"] as JsonArray ?? []))
                .Select(a => (string?)a?["ip"]).ToArray();
            return !ips.Contains((string?)second["status"]!["podIP"]);
        }, Deadline);
    }

    [Fact]
    public async Task TwoServices_CannotTakeTheSameNodePortOrClusterIP_UntilTheFirstIsDeleted()
    {
        await BootObjects.EnsureAsync(_plane.Grains, 6443);
        var kubernetesIP = await CreateServiceAsync("steal-api", """{"clusterIP":"10.96.0.1","ports":[{"port":443}]}""");
        Assert.Equal(ObjectWriteStatus.Invalid, kubernetesIP.Status);
        Assert.Contains(kubernetesIP.Causes!, c => c.Field == "spec.clusterIPs" && c.Message.EndsWith("failed to allocate IP 10.96.0.1: provided IP is already allocated", StringComparison.Ordinal));

        var first = await CreateServiceAsync("a", """{"type":"NodePort","clusterIP":"10.96.0.10","ports":[{"port":80,"nodePort":30080}]}""");
        Assert.Equal(ObjectWriteStatus.Created, first.Status);
        var second = await CreateServiceAsync("b", """{"type":"NodePort","ports":[{"port":80,"nodePort":30080}]}""");
        Assert.Equal(ObjectWriteStatus.Invalid, second.Status);
        var cause = Assert.Single(second.Causes!);
        Assert.Equal(("spec.ports[0].nodePort", "Invalid value: 30080: provided port is already allocated"), (cause.Field, cause.Message));
        var sameIP = await CreateServiceAsync("b", """{"clusterIP":"10.96.0.10","ports":[{"port":80}]}""");
        Assert.Equal(ObjectWriteStatus.Invalid, sameIP.Status);
        Assert.Equal("spec.clusterIPs", Assert.Single(sameIP.Causes!).Field);
        Assert.Null(await _plane.Store.GetAsync("Service", "default", "b", TestContext.Current.CancellationToken));

        var any = await CreateServiceAsync("c", """{"type":"NodePort","ports":[{"port":80}]}""");
        Assert.Equal(ObjectWriteStatus.Created, any.Status);
        Assert.Equal(30086, (int?)JsonNode.Parse(any.Object!)!["spec"]!["ports"]![0]!["nodePort"]);

        Assert.Equal(ObjectWriteStatus.Deleted, (await ServiceGrain("a").DeleteAsync(new DeleteRequest())).Status);
        var retried = await CreateServiceAsync("b", """{"type":"NodePort","clusterIP":"10.96.0.10","ports":[{"port":80,"nodePort":30080}]}""");
        Assert.Equal(ObjectWriteStatus.Created, retried.Status);
    }

    [Fact]
    public async Task AnUpdate_KeepsItsAllocations_AndMayNotChangeTheClusterIP()
    {
        var created = JsonNode.Parse((await CreateServiceAsync("a", """{"type":"NodePort","ports":[{"name":"http","port":80}]}""")).Object!)!.AsObject();
        var replaced = Service("a", """{"type":"NodePort","ports":[{"name":"http","port":80},{"name":"extra","port":81}]}""");

        var updated = await ServiceGrain("a").UpdateAsync(replaced.ToJsonString());

        Assert.True(updated.Status == ObjectWriteStatus.Updated, string.Join(", ", updated.Causes ?? []));
        var spec = JsonNode.Parse(updated.Object!)!["spec"]!;
        Assert.Equal((string?)created["spec"]!["clusterIP"], (string?)spec["clusterIP"]);
        Assert.Equal((int?)created["spec"]!["ports"]![0]!["nodePort"], (int?)spec["ports"]![0]!["nodePort"]);
        Assert.InRange((int?)spec["ports"]![1]!["nodePort"] ?? 0, 30000, 32767);
        Assert.NotEqual((int?)spec["ports"]![0]!["nodePort"], (int?)spec["ports"]![1]!["nodePort"]);

        var moved = JsonNode.Parse(updated.Object!)!.AsObject();
        moved["spec"]!["clusterIP"] = "10.96.0.99";
        moved["spec"]!["clusterIPs"] = new JsonArray("10.96.0.99");
        var rejected = await ServiceGrain("a").UpdateAsync(moved.ToJsonString());
        Assert.Equal(ObjectWriteStatus.Invalid, rejected.Status);
        Assert.Contains(rejected.Causes!, c => c.Field == "spec.clusterIPs[0]" && c.Message.Contains("may not change once set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_node_port_an_update_drops_is_free_once_the_update_is_answered()
    {
        var created = JsonNode.Parse((await CreateServiceAsync("a", """{"type":"NodePort","ports":[{"port":80,"nodePort":30090}]}""")).Object!)!.AsObject();
        var toClusterIP = created.DeepClone().AsObject();
        toClusterIP["spec"]!["type"] = "ClusterIP";
        toClusterIP["spec"]!["ports"]![0]!.AsObject().Remove("nodePort");

        Assert.Equal(ObjectWriteStatus.Updated, (await ServiceGrain("a").UpdateAsync(toClusterIP.ToJsonString())).Status);
        var reused = await CreateServiceAsync("b", """{"type":"NodePort","ports":[{"port":80,"nodePort":30090}]}""");

        Assert.True(reused.Status == ObjectWriteStatus.Created, string.Join(", ", reused.Causes ?? []));
    }

    [Fact]
    public async Task Allocations_SurviveARestartOfTheSilo()
    {
        var created = JsonNode.Parse((await CreateServiceAsync("a", """{"type":"NodePort","ports":[{"port":80}]}""")).Object!)!;
        var ip = (string)created["spec"]!["clusterIP"]!;
        var nodePort = (int)created["spec"]!["ports"]![0]!["nodePort"]!;

        await _plane.RestartAsync();

        var sameIP = await CreateServiceAsync("b", $$"""{"clusterIP":"{{ip}}","ports":[{"port":80}]}""");
        Assert.Equal(ObjectWriteStatus.Invalid, sameIP.Status);
        var samePort = await CreateServiceAsync("b", $$"""{"type":"NodePort","ports":[{"port":80,"nodePort":{{nodePort}}}]}""");
        Assert.Equal(ObjectWriteStatus.Invalid, samePort.Status);
        var fresh = JsonNode.Parse((await CreateServiceAsync("b", """{"type":"NodePort","ports":[{"port":80}]}""")).Object!)!;
        Assert.NotEqual(ip, (string?)fresh["spec"]!["clusterIP"]);
        Assert.NotEqual(nodePort, (int?)fresh["spec"]!["ports"]![0]!["nodePort"]);
    }
}
