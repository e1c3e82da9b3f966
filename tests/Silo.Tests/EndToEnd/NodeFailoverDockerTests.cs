using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Store;
using Actors.Grains.Store;
using Actors.NodeAgent.Docker;
using Actors.NodeAgent.Runtime.Docker;
using Actors.TestSupport;

namespace Actors.Silo.Tests.EndToEnd;

/// <summary>
/// A control-plane silo on PostgreSQL and two `actors agent` worker nodes sharing the real Docker engine. An
/// agent killed with SIGKILL leaves its node silent: it turns Unknown, its pods are evicted and replaced on
/// the other node; when the agent comes back it finishes the evicted pods and removes their containers.
/// </summary>
[Trait("Category", "Docker")]
[Collection(DockerNodeCollection.Name)]
public sealed class NodeFailoverDockerTests : IAsyncLifetime
{
    private readonly string _nodeA = "worker-a-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _nodeB = "worker-b-" + Guid.NewGuid().ToString("N")[..6];
    private readonly DockerClient _docker = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var node in new[] { _nodeA, _nodeB })
        {
            foreach (var container in (await _docker.ListContainersAsync(all: true, [$"io.actors.node={node}"])).Value ?? [])
            {
                await _docker.RemoveContainerAsync(container.Id, force: true);
            }
        }
        _docker.Dispose();
    }

    [Fact]
    public async Task KilledAgent_NodeGoesUnknown_PodsMoveToTheOtherNode_AndItsContainersGoWhenItReturns()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 1, [typeof(Actors.Grains.ControlPlane).Assembly], loadIntoServers: false);
        await using var store = await ObjectStore.OpenAsync(cluster.Database, cancellationToken: TestContext.Current.CancellationToken);
        var agentA = await cluster.StartAgentAsync(_nodeA);
        await cluster.StartAgentAsync(_nodeB);
        await Eventually.WaitAsync("both worker nodes Ready", async () =>
            await ReadyAsync(store, _nodeA) == "True" && await ReadyAsync(store, _nodeB) == "True", TimeSpan.FromSeconds(60), cluster.Describe);

        var created = await cluster.Client.GetGrain<IDeploymentGrain>("default/web").CreateAsync(Deployment.ToJsonString());
        Assert.Equal(ObjectWriteStatus.Created, created.Status);
        await Eventually.WaitAsync("4 pods Running on the two nodes", async () =>
        {
            var pods = await PodsAsync(store);
            return pods.Count(p => Phase(p) == "Running") == 4 && pods.Any(p => NodeOf(p) == _nodeA) && pods.Any(p => NodeOf(p) == _nodeB);
        }, TimeSpan.FromSeconds(60), cluster.Describe);
        Assert.NotEmpty(await NodePodContainersAsync(_nodeA));
        // kubectl exec crosses processes: the API on the control-plane silo, the session in the worker's agent.
        var onB = (string)(await PodsAsync(store)).First(p => NodeOf(p) == _nodeB)["metadata"]!["name"]!;
        var kubectl = new Kubectl(Kubectl.Newest, Path.Combine(cluster.Silos[0].DataDirectory, "kubeconfig"));
        Assert.Equal(onB + "\n", await kubectl.RunWithInputAsync("x", "exec", "-i", onB, "--", "sh", "-c", "cat >/dev/null; hostname"));

        agentA.Kill();
        await Eventually.WaitAsync($"{_nodeA} Unknown", async () => await ReadyAsync(store, _nodeA) == "Unknown", TimeSpan.FromSeconds(30), cluster.Describe);
        await Eventually.WaitAsync($"4 live pods Running, all on {_nodeB}", async () =>
        {
            var live = (await PodsAsync(store)).Where(p => p["metadata"]?["deletionTimestamp"] is null).ToList();
            return live.Count == 4 && live.All(p => NodeOf(p) == _nodeB && Phase(p) == "Running");
        }, TimeSpan.FromSeconds(60), cluster.Describe);
        // Its containers outlive the agent, as a kubelet's outlive a kubelet crash.
        Assert.NotEmpty(await NodePodContainersAsync(_nodeA));

        await cluster.StartAgentAsync(_nodeA);
        await Eventually.WaitAsync($"the evicted pods gone from {_nodeA} with their containers, the node Ready", async () =>
            (await PodsAsync(store)).All(p => NodeOf(p) != _nodeA) && (await NodePodContainersAsync(_nodeA)).Count == 0 && await ReadyAsync(store, _nodeA) == "True",
            TimeSpan.FromSeconds(60), cluster.Describe);
        Assert.Equal(4, (await PodsAsync(store)).Count);
    }

    private static JsonObject Deployment => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["replicas"] = 4,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } },
                ["spec"] = new JsonObject
                {
                    ["terminationGracePeriodSeconds"] = 1,
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "web",
                        ["image"] = "actors/busybox:1",
                        ["command"] = new JsonArray("sh", "-c", "mkdir /www; exec httpd -f -p 8080 -h /www"),
                    }),
                },
            },
        },
    };

    private static async Task<string?> ReadyAsync(IObjectStore store, string node) =>
        (await store.GetAsync("Node", "", node))?["status"]?["conditions"]?.AsArray().OfType<JsonObject>()
            .FirstOrDefault(c => (string?)c["type"] == "Ready")?["status"]?.GetValue<string>();

    private static async Task<IReadOnlyList<JsonObject>> PodsAsync(IObjectStore store) => (await store.ListAsync("Pod", "default")).Items;

    private static string? NodeOf(JsonObject pod) => (string?)pod["spec"]?["nodeName"];

    private static string? Phase(JsonObject pod) => (string?)pod["status"]?["phase"];

    /// <summary>The node's pod containers; its warm pool sandboxes belong to no pod and stay with the node.</summary>
    private async Task<IReadOnlyList<ContainerSummary>> NodePodContainersAsync(string node) =>
        [.. ((await _docker.ListContainersAsync(all: true, [$"io.actors.node={node}"])).Value ?? []).Where(c => ContainerIdentity.From(c.Names.FirstOrDefault(), c.Labels) is not null)];
}
