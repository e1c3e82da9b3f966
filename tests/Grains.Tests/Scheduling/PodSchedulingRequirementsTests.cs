using System.Text.Json.Nodes;
using Actors.Grains.Scheduling;

namespace Actors.Grains.Tests.Scheduling;

[Trait("Category", "Unit")]
public sealed class PodSchedulingRequirementsTests
{
    private static JsonObject Pod(string spec, string ns = "default", string? controller = null)
    {
        var metadata = new JsonObject { ["name"] = "p", ["namespace"] = ns };
        if (controller is not null)
        {
            metadata["ownerReferences"] = new JsonArray(new JsonObject { ["kind"] = "ReplicaSet", ["name"] = "rs", ["uid"] = controller, ["controller"] = true });
        }
        return new JsonObject { ["metadata"] = metadata, ["spec"] = JsonNode.Parse(spec) };
    }

    private static BoundPod Bound(string ns, string app) => new(ns, new Dictionary<string, string> { ["app"] = app }, null);

    [Fact]
    public void Reads_requests_selector_tolerations_and_the_controller()
    {
        var pod = Pod("""
            {"containers":[{"name":"c","resources":{"requests":{"cpu":"250m","memory":"64Mi"}}}],
             "nodeSelector":{"disk":"ssd"},
             "tolerations":[{"key":"gpu","operator":"Exists","effect":"NoSchedule"}]}
            """, controller: "rs-uid");

        var requirements = PodSchedulingRequirements.From(pod);

        Assert.Equal(250, requirements.MilliCpu);
        Assert.Equal(64L << 20, requirements.MemoryBytes);
        Assert.Equal("ssd", requirements.NodeSelector["disk"]);
        Assert.Equal(new Toleration("gpu", "Exists", null, "NoSchedule"), Assert.Single(requirements.Tolerations));
        Assert.Equal("rs-uid", requirements.SpreadOwner);
        Assert.Empty(requirements.RequiredNodeTerms);
        Assert.Empty(requirements.AntiAffinity);
    }

    [Fact]
    public void Reads_required_node_affinity_terms_ORed_with_requirements_ANDed()
    {
        var pod = Pod("""
            {"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[
              {"matchExpressions":[{"key":"disk","operator":"In","values":["ssd","nvme"]},{"key":"gpu","operator":"DoesNotExist"}]},
              {"matchExpressions":[{"key":"zone","operator":"Exists"}]}]}}}}
            """);

        var terms = PodSchedulingRequirements.From(pod).RequiredNodeTerms;

        Assert.Equal(2, terms.Count);
        Assert.Equal([new NodeSelectorRequirement("disk", "In", ["ssd", "nvme"]), new NodeSelectorRequirement("gpu", "DoesNotExist", [])],
            terms[0], new RequirementComparer());
        Assert.Equal("zone", Assert.Single(terms[1]).Key);
    }

    public static TheoryData<string, string, BoundPod, bool> AntiAffinityTerms => new()
    {
        { "same namespace, matching labels", """{"labelSelector":{"matchLabels":{"app":"db"}}}""", Bound("default", "db"), true },
        { "other labels", """{"labelSelector":{"matchLabels":{"app":"db"}}}""", Bound("default", "web"), false },
        { "other namespace", """{"labelSelector":{"matchLabels":{"app":"db"}}}""", Bound("other", "db"), false },
        { "listed namespace", """{"labelSelector":{"matchLabels":{"app":"db"}},"namespaces":["other"]}""", Bound("other", "db"), true },
        { "namespaceSelector: every namespace", """{"labelSelector":{"matchLabels":{"app":"db"}},"namespaceSelector":{}}""", Bound("other", "db"), true },
        { "no labelSelector matches nothing", """{"topologyKey":"kubernetes.io/hostname"}""", Bound("default", "db"), false },
        { "set-based", """{"labelSelector":{"matchExpressions":[{"key":"app","operator":"In","values":["db","cache"]}]}}""", Bound("default", "cache"), true },
    };

    [Theory]
    [MemberData(nameof(AntiAffinityTerms))]
    public void An_anti_affinity_term_matches_bound_pods_by_namespace_and_labels(string scenario, string term, BoundPod bound, bool matches)
    {
        var pod = Pod("""{"affinity":{"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[""" + term + "]}}}");

        var antiAffinity = Assert.Single(PodSchedulingRequirements.From(pod).AntiAffinity);

        Assert.True(matches == antiAffinity(bound), scenario);
    }

    [Fact]
    public void A_malformed_affinity_is_ignored()
    {
        var requirements = PodSchedulingRequirements.From(Pod("""{"affinity":{"nodeAffinity":"not an object"}}"""));

        Assert.Empty(requirements.RequiredNodeTerms);
    }

    private sealed class RequirementComparer : IEqualityComparer<NodeSelectorRequirement>
    {
        public bool Equals(NodeSelectorRequirement? x, NodeSelectorRequirement? y) =>
            x is not null && y is not null && x.Key == y.Key && x.Operator == y.Operator && x.Values.SequenceEqual(y.Values);

        public int GetHashCode(NodeSelectorRequirement obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
