using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.TestSupport;

namespace Actors.Grains.Tests.ControlPlane;

/// <summary>The scheduler on a control plane with two hollow nodes: node-a, and node-b labelled disk=ssd.</summary>
[Trait("Category", "Unit")]
public sealed class SchedulingTests : IAsyncLifetime
{
    private ControlPlaneHost _plane = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _plane = await ControlPlaneHost.StartAsync();
        await _plane.AddHollowNodeAsync("node-a");
        await _plane.AddHollowNodeAsync("node-b", labels: new Dictionary<string, string> { ["disk"] = "ssd" });
    }

    public async ValueTask DisposeAsync()
    {
        await _plane.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Siblings_spread_away_from_a_node_holding_their_controllers_pods_bound_elsewhere()
    {
        // Bound straight in the store, as another silo's scheduler would have: node-a holds two of rs-1's pods,
        // node-b two pods of another controller, so only spreading tells the nodes apart.
        await BindInStoreAsync("a-1", "node-a", "rs-1");
        await BindInStoreAsync("a-2", "node-a", "rs-1");
        await BindInStoreAsync("b-1", "node-b", "rs-2");
        await BindInStoreAsync("b-2", "node-b", "rs-2");

        Assert.Equal("node-b", await ScheduleAsync(Pod("new-1", controller: "rs-1")));
        Assert.Equal("node-b", await ScheduleAsync(Pod("new-2", controller: "rs-1")));
    }

    [Fact]
    public async Task Required_pod_anti_affinity_keeps_replicas_apart_and_leaves_a_third_pending()
    {
        var first = await ScheduleAsync(Pod("db-1", app: "db", antiAffinityTo: "db"));
        var second = await ScheduleAsync(Pod("db-2", app: "db", antiAffinityTo: "db"));
        Assert.NotEqual(first, second);

        var message = await UnschedulableAsync(Pod("db-3", app: "db", antiAffinityTo: "db"));
        Assert.Equal("0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules.", message);
        // Pods of another namespace do not count.
        Assert.NotNull(await ScheduleAsync(Pod("db-1", app: "db", antiAffinityTo: "db", ns: "other")));
    }

    [Fact]
    public async Task Required_node_affinity_picks_the_matching_node_or_none()
    {
        Assert.Equal("node-b", await ScheduleAsync(Pod("fast", diskIn: "ssd")));

        var message = await UnschedulableAsync(Pod("faster", diskIn: "nvme"));
        Assert.Equal("0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.", message);
    }

    private static JsonObject Pod(string name, string app = "web", string? controller = null, string? antiAffinityTo = null, string? diskIn = null, string ns = "default")
    {
        var pod = Manifests.Pod(name, app);
        pod["metadata"]!["namespace"] = ns;
        if (controller is not null)
        {
            pod["metadata"]!["ownerReferences"] = new JsonArray(Objects.ObjectJson.ControllerReference("apps/v1", "ReplicaSet", controller, controller));
        }
        var affinity = new JsonObject();
        if (antiAffinityTo is not null)
        {
            affinity["podAntiAffinity"] = new JsonObject
            {
                ["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonArray(new JsonObject
                {
                    ["labelSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = antiAffinityTo } },
                    ["topologyKey"] = "kubernetes.io/hostname",
                }),
            };
        }
        if (diskIn is not null)
        {
            affinity["nodeAffinity"] = new JsonObject
            {
                ["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonObject
                {
                    ["nodeSelectorTerms"] = new JsonArray(new JsonObject
                    {
                        ["matchExpressions"] = new JsonArray(new JsonObject { ["key"] = "disk", ["operator"] = "In", ["values"] = new JsonArray(diskIn) }),
                    }),
                },
            };
        }
        pod["spec"]!["affinity"] = affinity;
        return pod;
    }

    private async Task BindInStoreAsync(string name, string node, string controller)
    {
        var pod = Pod(name, controller: controller);
        pod["spec"]!["nodeName"] = node;
        Assert.IsType<Abstractions.Store.CreateResult.Created>(await _plane.Store.CreateAsync("Pod", pod, Ct));
    }

    /// <summary>Creates the pod through its grain and returns the node it is bound to.</summary>
    private async Task<string?> ScheduleAsync(JsonObject pod)
    {
        var (ns, name) = await CreateAsync(pod);
        string? node = null;
        await Eventually.WaitAsync($"{name} bound", async () =>
        {
            node = (string?)(await _plane.Store.GetAsync("Pod", ns, name, Ct))?["spec"]?["nodeName"];
            return node is not null;
        }, TimeSpan.FromSeconds(30));
        return node;
    }

    /// <summary>Creates the pod through its grain and returns its PodScheduled=False message.</summary>
    private async Task<string?> UnschedulableAsync(JsonObject pod)
    {
        var (ns, name) = await CreateAsync(pod);
        string? message = null;
        await Eventually.WaitAsync($"{name} unschedulable", async () =>
        {
            var condition = (await _plane.Store.GetAsync("Pod", ns, name, Ct))?["status"]?["conditions"]?[0];
            message = (string?)condition?["reason"] == "Unschedulable" ? (string?)condition?["message"] : null;
            return message is not null;
        }, TimeSpan.FromSeconds(30));
        return message;
    }

    private async Task<(string Namespace, string Name)> CreateAsync(JsonObject pod)
    {
        var ns = (string)pod["metadata"]!["namespace"]!;
        var name = (string)pod["metadata"]!["name"]!;
        var result = await _plane.Grains.GetGrain<IPodGrain>($"{ns}/{name}").CreateAsync(pod.ToJsonString());
        Assert.Equal(ObjectWriteStatus.Created, result.Status);
        return (ns, name);
    }
}
