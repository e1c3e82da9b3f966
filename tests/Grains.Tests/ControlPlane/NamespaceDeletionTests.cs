using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.TestSupport;

namespace Actors.Grains.Tests.ControlPlane;

[Trait("Category", "Unit")]
public sealed class NamespaceDeletionTests : OneNodePlaneTests
{
    [Fact]
    public async Task DeletingANamespace_DeletesEverythingInside_ThenTheNamespace()
    {
        var ns = Plane.Grains.GetGrain<INamespaceGrain>("team");
        Assert.Equal(ObjectWriteStatus.Created, (await ns.CreateAsync(new JsonObject { ["metadata"] = new JsonObject { ["name"] = "team" } }.ToJsonString())).Status);
        var config = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "settings" }, ["data"] = new JsonObject { ["a"] = "1" } };
        await Plane.Grains.GetGrain<IConfigMapGrain>("team/settings").CreateAsync(config.ToJsonString());
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
        await Plane.Grains.GetGrain<IDeploymentGrain>("team/api").CreateAsync(deployment.ToJsonString());
        await Eventually.WaitAsync("two pods in team", async () => (await Plane.Store.ListAsync("Pod", "team")).Items.Count == 2, TimeSpan.FromSeconds(10));

        var deleting = await ns.DeleteAsync(new DeleteRequest());
        Assert.True(deleting.Status is ObjectWriteStatus.Deleting or ObjectWriteStatus.Deleted, deleting.Status.ToString());

        await Eventually.WaitAsync("the namespace and everything in it to be gone", async () =>
            await Plane.Store.GetAsync("Namespace", "", "team") is null
            && (await Plane.Store.ListAsync("Pod", "team")).Items.Count == 0
            && (await Plane.Store.ListAsync("ConfigMap", "team")).Items.Count == 0
            && (await Plane.Store.ListAsync("ReplicaSet", "team")).Items.Count == 0
            && (await Plane.Store.ListAsync("Deployment", "team")).Items.Count == 0, TimeSpan.FromSeconds(20));
    }
}
