using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;
using Actors.TestSupport;

namespace Actors.Grains.Tests.ControlPlane;

/// <summary>The core scenario on one SQLite silo with three hollow nodes: roll out, update, scale, delete.</summary>
[Trait("Category", "Unit")]
public sealed class DeploymentRolloutTests : IAsyncLifetime
{
    private ControlPlaneHost _plane = null!;

    public async ValueTask InitializeAsync()
    {
        _plane = await ControlPlaneHost.StartAsync();
        foreach (var node in new[] { "node-a", "node-b", "node-c" })
        {
            await _plane.AddHollowNodeAsync(node);
        }
    }

    public ValueTask DisposeAsync() => _plane.DisposeAsync();

    private static JsonObject Deployment(int replicas, string image) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
            ["strategy"] = new JsonObject
            {
                ["type"] = "RollingUpdate",
                ["rollingUpdate"] = new JsonObject { ["maxSurge"] = 2, ["maxUnavailable"] = 1 },
            },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "web",
                        ["image"] = image,
                        ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "64Mi" } },
                    }),
                },
            },
        },
    };

    private async Task<JsonObject> DeploymentStatusAsync()
    {
        var json = await _plane.Grains.GetGrain<IDeploymentGrain>("default/web").GetAsync();
        return (JsonNode.Parse(json!)!["status"] as JsonObject) ?? new JsonObject();
    }

    private async Task<IReadOnlyList<JsonObject>> PodsAsync() => (await _plane.Store.ListAsync("Pod", "default")).Items;

    private Task WaitAvailableAsync(int replicas, string what) =>
        Eventually.WaitAsync(what, async () =>
        {
            var status = await DeploymentStatusAsync();
            return (int?)status["availableReplicas"] == replicas && (int?)status["updatedReplicas"] == replicas && (int?)status["replicas"] == replicas;
        }, TimeSpan.FromSeconds(30), () => DeploymentStatusAsync().Result.ToJsonString());

    [Fact]
    public async Task Deployment_RollsOut_Updates_Scales_AndIsDeleted()
    {
        var created = await _plane.Grains.GetGrain<IDeploymentGrain>("default/web").CreateAsync(Deployment(10, "busybox:1").ToJsonString());
        Assert.Equal(ObjectWriteStatus.Created, created.Status);
        await WaitAvailableAsync(10, "10 available replicas");
        var pods = await PodsAsync();
        Assert.Equal(10, pods.Count);
        Assert.All(pods, p => Assert.Equal("Running", (string?)p["status"]?["phase"]));
        Assert.Equal(3, pods.Select(p => (string?)p["spec"]?["nodeName"]).Distinct().Count());
        // What `kubectl describe` shows: the deployment scaled its ReplicaSet, which created pods, which were scheduled.
        await Eventually.WaitAsync("the rollout's events", async () =>
        {
            var reasons = (await _plane.Store.ListAsync("Event", "default")).Items.Select(e => (string?)e["reason"]).ToList();
            return reasons.Contains("ScalingReplicaSet") && reasons.Count(r => r == "SuccessfulCreate") == 10 && reasons.Count(r => r == "Scheduled") == 10;
        }, TimeSpan.FromSeconds(10));

        // A template change rolls out; a watch from before it sees every pod event, and at no revision do the
        // live pods exceed replicas + maxSurge (12).
        var from = await _plane.Store.CurrentRevisionAsync(TestContext.Current.CancellationToken);
        using var stopWatching = new CancellationTokenSource();
        var maxLive = 0;
        var live = pods.ToDictionary(p => (string)p["metadata"]!["name"]!, _ => true);
        var watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in _plane.Store.WatchAsync("Pod", "default", from, stopWatching.Token))
                {
                    var name = (string)change.Object["metadata"]!["name"]!;
                    if (change.Type == WatchEventType.Deleted || change.Object["metadata"]?["deletionTimestamp"] is not null)
                    {
                        live.Remove(name);
                    }
                    else
                    {
                        live[name] = true;
                    }
                    maxLive = Math.Max(maxLive, live.Count);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, TestContext.Current.CancellationToken);
        await ClientUpdate.ApplyAsync(_plane.Grains.GetGrain<IDeploymentGrain>("default/web"), d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "busybox:2");
        await Eventually.WaitAsync("the new template on every pod", async () =>
        {
            var all = await PodsAsync();
            return all.Count == 10 && all.All(p => (string?)p["spec"]?["containers"]?[0]?["image"] == "busybox:2" && (string?)p["status"]?["phase"] == "Running");
        }, TimeSpan.FromSeconds(30));
        await WaitAvailableAsync(10, "the rollout to finish");
        await stopWatching.CancelAsync();
        await watching;
        Assert.InRange(maxLive, 10, 12);
        var sets = (await _plane.Store.ListAsync("ReplicaSet", "default", cancellationToken: TestContext.Current.CancellationToken)).Items;
        Assert.Equal(2, sets.Count);
        Assert.Single(sets, rs => (int?)rs["spec"]?["replicas"] == 10);
        Assert.Single(sets, rs => (int?)rs["spec"]?["replicas"] == 0);

        await ClientUpdate.ApplyAsync(_plane.Grains.GetGrain<IDeploymentGrain>("default/web"), d => d["spec"]!["replicas"] = 3);
        await WaitAvailableAsync(3, "scale down to 3");
        await Eventually.WaitAsync("3 pods left", async () => (await PodsAsync()).Count == 3, TimeSpan.FromSeconds(10));

        Assert.Equal(ObjectWriteStatus.Deleted, (await _plane.Grains.GetGrain<IDeploymentGrain>("default/web").DeleteAsync(new DeleteRequest())).Status);
        await Eventually.WaitAsync("replica sets and pods to be gone", async () =>
            (await PodsAsync()).Count == 0 && (await _plane.Store.ListAsync("ReplicaSet", "default", cancellationToken: TestContext.Current.CancellationToken)).Items.Count == 0, TimeSpan.FromSeconds(10));
    }
}
