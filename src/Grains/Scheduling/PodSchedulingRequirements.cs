using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Selectors;

namespace Actors.Grains.Scheduling;

/// <summary>
/// Reads what a pod asks of its node from its spec: requests, nodeSelector, tolerations, required node affinity,
/// required pod anti-affinity, and its controller (its siblings are spread). Anti-affinity is judged per node
/// whatever the topologyKey (zones are not modelled: a term on a wider topology is enforced per node, which is
/// weaker); a term's namespaces are its own list, else the pod's namespace, and a namespaceSelector means every
/// namespace. Preferred (soft) affinities are not scored.
/// </summary>
public static class PodSchedulingRequirements
{
    public static PodRequirements From(JsonObject pod)
    {
        var (cpu, memory) = Resources.PodRequests(pod);
        var spec = pod["spec"] as JsonObject;
        var affinity = ReadAffinity(spec?["affinity"]);
        var ns = ObjectJson.Namespace(pod) ?? "default";
        return new PodRequirements(
            cpu,
            memory,
            NodeSelector(spec),
            Tolerations(spec),
            RequiredNodeTerms(affinity?.NodeAffinity),
            AntiAffinity(affinity?.PodAntiAffinity, ns),
            ObjectJson.Controller(pod)?.Uid);
    }

    /// <summary>What the cache keeps of a bound pod.</summary>
    public static BoundPod Bound(JsonObject pod) =>
        new(ObjectJson.Namespace(pod) ?? "default", ObjectJson.Labels(pod), ObjectJson.Controller(pod)?.Uid);

    private static Affinity? ReadAffinity(JsonNode? node)
    {
        if (node is not JsonObject)
        {
            return null;
        }
        try
        {
            return KubernetesJson.Deserialize<Affinity>(node);
        }
        catch (JsonException)
        {
            // An affinity that does not read as Kubernetes' type cannot constrain anything: the pod schedules without it.
            return null;
        }
    }

    private static Dictionary<string, string> NodeSelector(JsonObject? spec) =>
        spec?["nodeSelector"] is JsonObject selector
            ? selector.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.ToString())
            : [];

    private static Toleration[] Tolerations(JsonObject? spec) =>
        spec?["tolerations"] is JsonArray tolerations
            ? tolerations.OfType<JsonObject>().Select(t => new Toleration((string?)t["key"], (string?)t["operator"], (string?)t["value"], (string?)t["effect"])).ToArray()
            : [];

    private static IReadOnlyList<IReadOnlyList<NodeSelectorRequirement>> RequiredNodeTerms(NodeAffinity? affinity) =>
        affinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms is { } terms
            ? terms.Select(term => (IReadOnlyList<NodeSelectorRequirement>)(term.MatchExpressions ?? [])
                .Select(r => new NodeSelectorRequirement(r.Key ?? "", r.Operator ?? "", r.Values ?? []))
                .ToArray()).ToArray()
            : [];

    private static IReadOnlyList<Func<BoundPod, bool>> AntiAffinity(PodAntiAffinity? antiAffinity, string ns)
    {
        var terms = new List<Func<BoundPod, bool>>();
        foreach (var term in antiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution ?? [])
        {
            LabelMatcher selector;
            try
            {
                selector = LabelMatcher.FromLabelSelector(term.LabelSelector);
            }
            catch (LabelSelectorParseException)
            {
                continue;
            }
            IReadOnlyCollection<string>? namespaces = term.NamespaceSelector is not null ? null : term.Namespaces is { Count: > 0 } listed ? listed : [ns];
            terms.Add(bound => (namespaces is null || namespaces.Contains(bound.Namespace)) && selector.Matches(bound.Labels));
        }
        return terms;
    }
}
