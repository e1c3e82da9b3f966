using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;
using Actors.Grains.Store;
using Actors.TestSupport;

namespace Actors.Grains.Tests.ControlPlane;

/// <summary>
/// Two `actors server` processes on PostgreSQL with three hollow nodes: the silo holding the Deployment's
/// grain is killed with SIGKILL in the middle of a rollout. The rollout still completes, nothing is lost, the
/// live pods never exceed replicas + maxSurge, and resourceVersions only ever increase.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class RolloutFailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KillingTheDeploymentsSilo_MidRollout_TheRolloutStillCompletes()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 2, [typeof(Actors.Grains.ControlPlane).Assembly], loadIntoServers: false);
        await using var store = await ObjectStore.OpenAsync(cluster.Database, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var node in new[] { "node-a", "node-b", "node-c" })
        {
            var created = await cluster.Client.GetGrain<INodeGrain>(node).CreateAsync(HollowNode(node).ToJsonString());
            Assert.Equal(ObjectWriteStatus.Created, created.Status);
        }
        var deployment = cluster.Client.GetGrain<IDeploymentGrain>("default/web");
        Assert.Equal(ObjectWriteStatus.Created, (await deployment.CreateAsync(Deployment("busybox:1").ToJsonString())).Status);
        await WaitRolledOutAsync(store, "busybox:1");

        var from = await store.CurrentRevisionAsync(TestContext.Current.CancellationToken);
        using var stopWatching = new CancellationTokenSource();
        var live = new HashSet<string>((await store.ListAsync("Pod", "default", cancellationToken: TestContext.Current.CancellationToken)).Items.Select(p => (string)p["metadata"]!["name"]!));
        var maxLive = live.Count;
        var revisions = new List<long>();
        var watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in store.WatchAsync("Pod", "default", from, stopWatching.Token))
                {
                    revisions.Add(change.Revision);
                    var name = (string)change.Object["metadata"]!["name"]!;
                    if (change.Type == WatchEventType.Deleted || change.Object["metadata"]?["deletionTimestamp"] is not null)
                    {
                        live.Remove(name);
                    }
                    else
                    {
                        live.Add(name);
                    }
                    maxLive = Math.Max(maxLive, live.Count);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, TestContext.Current.CancellationToken);

        await ClientUpdate.ApplyAsync(deployment, d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "busybox:2");
        var management = (Runtime.Management.IManagementService)cluster.ClientServices.GetService(typeof(Runtime.Management.IManagementService))!;
        var holder = await management.FindActivationAsync(new GrainId("deployment", "default/web"), TestContext.Current.CancellationToken);
        Assert.NotNull(holder);
        var victim = cluster.Silos.Single(s => holder.Silo.Contains(":" + s.SiloPort + "@"));
        var beforeKill = (await store.ListAsync("Pod", "default", cancellationToken: TestContext.Current.CancellationToken)).Items
            .Count(p => (string?)p["spec"]?["containers"]?[0]?["image"] == "busybox:2" && (string?)p["status"]?["phase"] == "Running");
        victim.Kill();
        output.WriteLine($"new pods running just before the silo was killed: {beforeKill} of 10");
        Assert.True(beforeKill < 10, "the rollout finished before the kill; the test would prove nothing");

        await WaitRolledOutAsync(store, "busybox:2");
        await stopWatching.CancelAsync();
        await watching;

        Assert.InRange(maxLive, 10, 12);
        Assert.Equal(revisions.Order(), revisions);
        Assert.Equal(revisions.Count, revisions.Distinct().Count());
        var pods = (await store.ListAsync("Pod", "default", cancellationToken: TestContext.Current.CancellationToken)).Items;
        Assert.Equal(10, pods.Count);
        Assert.All(pods, p => Assert.False(string.IsNullOrEmpty((string?)p["spec"]?["nodeName"])));
        Assert.Equal(3, (await store.ListAsync("Node", null, cancellationToken: TestContext.Current.CancellationToken)).Items.Count);
    }

    private static async Task WaitRolledOutAsync(IObjectStore store, string image) =>
        await Eventually.WaitAsync($"every pod running {image}", async () =>
        {
            var pods = (await store.ListAsync("Pod", "default")).Items;
            return pods.Count == 10 && pods.All(p => (string?)p["spec"]?["containers"]?[0]?["image"] == image && (string?)p["status"]?["phase"] == "Running");
        }, TimeSpan.FromSeconds(60), () => Summary(store), interval: TimeSpan.FromMilliseconds(250));

    /// <summary>What the pods, ReplicaSets and Deployment look like, for the failure message.</summary>
    private static string Summary(IObjectStore store)
    {
        var pods = store.ListAsync("Pod", "default").Result.Items.Select(p => $"{p["metadata"]!["name"]} {p["spec"]?["nodeName"]} {p["status"]?["phase"]} {p["spec"]?["containers"]?[0]?["image"]} del={p["metadata"]?["deletionTimestamp"]}");
        var sets = store.ListAsync("ReplicaSet", "default").Result.Items.Select(r => $"{r["metadata"]!["name"]} spec={r["spec"]?["replicas"]} status={r["status"]?.ToJsonString()}");
        var deployment = store.GetAsync("Deployment", "default", "web").Result;
        return "\nPODS:\n" + string.Join("\n", pods) + "\nRS:\n" + string.Join("\n", sets) + "\nDEPLOY status: " + deployment?["status"]?.ToJsonString() + " gen=" + deployment?["metadata"]?["generation"];
    }

    private static JsonObject HollowNode(string name) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject { ["actors.io/hollow"] = "true" },
            // Slow enough that the kill lands in the middle of the rollout.
            ["annotations"] = new JsonObject { ["actors.io/hollow-start-delay-ms"] = "1500" },
        },
        ["status"] = new JsonObject
        {
            ["allocatable"] = new JsonObject { ["cpu"] = "4", ["memory"] = "8Gi", ["pods"] = "110" },
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        },
    };

    private static JsonObject Deployment(string image) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["replicas"] = 10,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
            ["strategy"] = new JsonObject { ["rollingUpdate"] = new JsonObject { ["maxSurge"] = 2, ["maxUnavailable"] = 1 } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = image }) },
            },
        },
    };
}
