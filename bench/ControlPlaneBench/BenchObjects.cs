using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;

namespace Actors.ControlPlaneBench;

/// <summary>The objects the benchmark creates: big hollow nodes (room for every pod) and Deployments of one container.</summary>
internal static class BenchObjects
{
    public const string Namespace = "default";

    public static JsonObject HollowNode(string name) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { [NodeAgents.HollowLabel] = "true" } },
        ["status"] = new JsonObject
        {
            ["allocatable"] = new JsonObject { ["cpu"] = "64", ["memory"] = "256Gi", ["pods"] = "110" },
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        },
    };

    public static JsonObject Deployment(string name, int replicas) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "busybox:1" }) },
            },
        },
    };
}
