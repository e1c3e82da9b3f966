using System.Text.Json.Nodes;

namespace Actors.ApiBench;

/// <summary>The small objects the phases send.</summary>
internal static class Json
{
    public static string Namespace(string name) =>
        new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } }.ToJsonString();

    public static string ConfigMap(string name) => new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["data"] = new JsonObject { ["key"] = "value" },
    }.ToJsonString();

    public static string DataPatch(int i) => new JsonObject { ["data"] = new JsonObject { ["key"] = $"value-{i}" } }.ToJsonString();

    /// <summary>A pod that stays Pending: the server runs no node agent, so nothing schedules it.</summary>
    public static string Pod(string name) => new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = "actors/busybox:1" }),
        },
    }.ToJsonString();
}
