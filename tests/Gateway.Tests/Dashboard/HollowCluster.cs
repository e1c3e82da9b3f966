using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;

namespace Actors.Gateway.Tests.Dashboard;

/// <summary>Hollow nodes and deployments created through their grains, for the objects view's tests.</summary>
internal static class HollowCluster
{
    public static async Task AddNodeAsync(IGrainFactory grains, string name, int startDelayMs)
    {
        var node = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = new JsonObject { ["actors.io/hollow"] = "true", ["kubernetes.io/hostname"] = name },
                // Slow starts keep a rollout visibly in progress for a moment.
                ["annotations"] = new JsonObject { ["actors.io/hollow-start-delay-ms"] = startDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
            ["status"] = new JsonObject
            {
                ["allocatable"] = new JsonObject { ["cpu"] = "4", ["memory"] = "8Gi", ["pods"] = "110" },
                ["capacity"] = new JsonObject { ["cpu"] = "4", ["memory"] = "8Gi", ["pods"] = "110" },
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
            },
        };
        var result = await grains.GetGrain<INodeGrain>(name).CreateAsync(node.ToJsonString());
        Assert.Equal(ObjectWriteStatus.Created, result.Status);
    }

    public static async Task CreateDeploymentAsync(IGrainFactory grains, string ns, string name, int replicas)
    {
        var deployment = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = name,
                            ["image"] = "actors/busybox:1",
                            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "64Mi" } },
                        }),
                    },
                },
            },
        };
        var result = await grains.GetGrain<IDeploymentGrain>($"{ns}/{name}").CreateAsync(deployment.ToJsonString());
        Assert.Equal(ObjectWriteStatus.Created, result.Status);
    }
}
