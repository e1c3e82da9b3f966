using System.Text.Json.Nodes;

namespace Actors.Grains.Boot;

/// <summary>
/// The objects every Kubernetes cluster has (KUBECTL-API.md §15.1): the four system namespaces and the
/// <c>default/kubernetes</c> Service, and the event reaper. Every control-plane silo ensures them at start; the grains, as the only
/// writers, make concurrent starts harmless.
/// </summary>
public static class BootObjects
{
    public static readonly IReadOnlyList<string> Namespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public static async Task EnsureAsync(IGrainFactory grains, int apiPort)
    {
        foreach (var name in Namespaces)
        {
            var ns = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = name } },
                ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
                ["status"] = new JsonObject { ["phase"] = "Active" },
            };
            await grains.GetGrain<INamespaceGrain>(name).CreateAsync(ns.ToJsonString());
        }
        var service = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = "kubernetes",
                ["namespace"] = "default",
                ["labels"] = new JsonObject { ["component"] = "apiserver", ["provider"] = "kubernetes" },
            },
            ["spec"] = new JsonObject
            {
                ["type"] = "ClusterIP",
                ["clusterIP"] = "10.96.0.1",
                ["clusterIPs"] = new JsonArray("10.96.0.1"),
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = 443, ["protocol"] = "TCP", ["targetPort"] = apiPort }),
                ["sessionAffinity"] = "None",
            },
        };
        await grains.GetGrain<IServiceGrain>("default/kubernetes").CreateAsync(service.ToJsonString());
        // Its reminder keeps it going from then on, on whichever control-plane silo holds it.
        await grains.GetGrain<IEventReaperGrain>(Kinds.EventReaperGrain.Key).ReapAsync();
    }
}
