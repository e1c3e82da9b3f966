using System.Text.Json.Nodes;

namespace Actors.Grains.Tests.ControlPlane;

/// <summary>The objects the control-plane tests create: small pods that fit on a hollow node, selected by <c>app</c>.</summary>
internal static class Manifests
{
    public static JsonObject PodTemplate(string app, string image, string cpu = "100m") => new()
    {
        ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = app } },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = app,
                ["image"] = image,
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = cpu, ["memory"] = "64Mi" } },
            }),
        },
    };

    public static JsonObject Deployment(string name, int replicas, string image, string cpu = "100m") => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = PodTemplate(name, image, cpu),
        },
    };

    public static JsonObject ReplicaSet(string name, int replicas) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = PodTemplate(name, "busybox:1"),
        },
    };

    public static JsonObject Pod(string name, string app)
    {
        var pod = PodTemplate(app, "busybox:1");
        pod["metadata"]!["name"] = name;
        pod["metadata"]!["namespace"] = "default";
        return pod;
    }
}
