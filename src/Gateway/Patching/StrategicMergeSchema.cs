using System.Collections.Frozen;

namespace Actors.Gateway.Patching;

/// <summary>
/// The one table of strategic-merge list rules (KUBECTL-API.md §12.2), keyed by (kind, dotted JSON path). List
/// elements are transparent in paths: a Deployment's env lists are at <c>spec.template.spec.containers.env</c>.
/// The rules follow the <c>patchStrategy</c>/<c>patchMergeKey</c> tags of k8s.io/api; lists not listed are replaced.
/// </summary>
internal static class StrategicMergeSchema
{
    private const string AnyKind = "*";

    private static readonly FrozenDictionary<(string Kind, string Path), ListPatchRule> Rules = Build();

    /// <summary>The rule for the list at <paramref name="path"/> of an object of <paramref name="kind"/>.</summary>
    public static ListPatchRule Lookup(string kind, string path) =>
        Rules.TryGetValue((kind, path), out var rule) || Rules.TryGetValue((AnyKind, path), out rule) ? rule : ListPatchRule.Replace;

    /// <summary>Where the PodSpec sits in each kind that carries one.</summary>
    public static string? PodSpecPath(string kind) => kind switch
    {
        "Pod" => "spec",
        "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" or "Job" or "ReplicationController" => "spec.template.spec",
        "PodTemplate" => "template.spec",
        "CronJob" => "spec.jobTemplate.spec.template.spec",
        _ => null,
    };

    private static FrozenDictionary<(string, string), ListPatchRule> Build()
    {
        var rules = new Dictionary<(string, string), ListPatchRule>
        {
            [(AnyKind, "metadata.finalizers")] = ListPatchRule.Set,
            [(AnyKind, "metadata.ownerReferences")] = ListPatchRule.ByKey("uid"),
            [(AnyKind, "status.conditions")] = ListPatchRule.ByKey("type"),
            [("Service", "spec.ports")] = ListPatchRule.ByKey("port"),
            [("Node", "spec.podCIDRs")] = ListPatchRule.Set,
            [("Node", "status.addresses")] = ListPatchRule.ByKey("type"),
            [("Pod", "status.podIPs")] = ListPatchRule.ByKey("ip"),
            [("Pod", "status.hostIPs")] = ListPatchRule.ByKey("ip"),
            [("ServiceAccount", "secrets")] = ListPatchRule.ByKey("name"),
        };

        string[] podKinds = ["Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController", "PodTemplate", "CronJob"];
        foreach (var kind in podKinds)
        {
            var spec = PodSpecPath(kind)!;
            rules[(kind, $"{spec}.volumes")] = ListPatchRule.ByKey("name");
            rules[(kind, $"{spec}.imagePullSecrets")] = ListPatchRule.ByKey("name");
            rules[(kind, $"{spec}.hostAliases")] = ListPatchRule.ByKey("ip");
            rules[(kind, $"{spec}.topologySpreadConstraints")] = ListPatchRule.ByKey("topologyKey");
            rules[(kind, $"{spec}.resourceClaims")] = ListPatchRule.ByKey("name");
            rules[(kind, $"{spec}.schedulingGates")] = ListPatchRule.ByKey("name");
            foreach (var containers in new[] { "containers", "initContainers", "ephemeralContainers" })
            {
                var c = $"{spec}.{containers}";
                rules[(kind, c)] = ListPatchRule.ByKey("name");
                rules[(kind, $"{c}.ports")] = ListPatchRule.ByKey("containerPort");
                rules[(kind, $"{c}.env")] = ListPatchRule.ByKey("name");
                rules[(kind, $"{c}.volumeMounts")] = ListPatchRule.ByKey("mountPath");
                rules[(kind, $"{c}.volumeDevices")] = ListPatchRule.ByKey("devicePath");
            }
        }

        return rules.ToFrozenDictionary();
    }
}
