using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.TestSupport;

namespace Actors.Grains.Tests.ControlPlane;

[Trait("Category", "Unit")]
public sealed class NamespaceDeletionTests : IAsyncLifetime
{
    private ControlPlaneHost _plane = null!;

    public async ValueTask InitializeAsync()
    {
        _plane = await ControlPlaneHost.StartAsync();
        await _plane.AddHollowNodeAsync("node-a");
    }

    public ValueTask DisposeAsync() => _plane.DisposeAsync();

    [Fact]
    public async Task DeletingANamespace_DeletesEverythingInside_ThenTheNamespace()
    {
        var ns = _plane.Grains.GetGrain<INamespaceGrain>("team");
        Assert.Equal(ObjectWriteStatus.Created, (await ns.CreateAsync(new JsonObject { ["metadata"] = new JsonObject { ["name"] = "team" } }.ToJsonString())).Status);
        var config = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "settings" }, ["data"] = new JsonObject { ["a"] = "1" } };
        await _plane.Grains.GetGrain<IConfigMapGrain>("team/settings").CreateAsync(config.ToJsonString());
        var deployment = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "api" },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 2,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "api" } },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "api" } },
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "api", ["image"] = "busybox:1" }) },
                },
            },
        };
        await _plane.Grains.GetGrain<IDeploymentGrain>("team/api").CreateAsync(deployment.ToJsonString());
        await Eventually.WaitAsync("two pods in team", async () => (await _plane.Store.ListAsync("Pod", "team")).Items.Count == 2, TimeSpan.FromSeconds(10));

        var deleting = await ns.DeleteAsync(new DeleteRequest());
        Assert.True(deleting.Status is ObjectWriteStatus.Deleting or ObjectWriteStatus.Deleted, deleting.Status.ToString());

        await Eventually.WaitAsync("the namespace and everything in it to be gone", async () =>
            await _plane.Store.GetAsync("Namespace", "", "team") is null
            && (await _plane.Store.ListAsync("Pod", "team")).Items.Count == 0
            && (await _plane.Store.ListAsync("ConfigMap", "team")).Items.Count == 0
            && (await _plane.Store.ListAsync("ReplicaSet", "team")).Items.Count == 0
            && (await _plane.Store.ListAsync("Deployment", "team")).Items.Count == 0, TimeSpan.FromSeconds(20));
    }
}
