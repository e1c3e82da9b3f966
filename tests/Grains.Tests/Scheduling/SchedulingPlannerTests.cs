using Actors.Grains.Scheduling;

namespace Actors.Grains.Tests.Scheduling;

[Trait("Category", "Unit")]
public sealed class SchedulingPlannerTests
{
    private static readonly Dictionary<string, string> NoLabels = [];

    private static NodeCandidate Node(string name, bool ready = true, bool unschedulable = false, long cpu = 2000, long memory = 4L << 30,
        long requestedCpu = 0, long requestedMemory = 0, int pods = 0, Dictionary<string, string>? labels = null, Taint[]? taints = null,
        BoundPod[]? boundPods = null) =>
        new(name, ready, unschedulable, cpu, memory, 110, requestedCpu, requestedMemory, pods, labels ?? NoLabels, taints ?? [], boundPods ?? []);

    private static PodRequirements Pod(long cpu = 0, long memory = 0, Dictionary<string, string>? nodeSelector = null, Toleration[]? tolerations = null,
        NodeSelectorRequirement[][]? affinity = null, Func<BoundPod, bool>[]? antiAffinity = null, string? spreadOwner = null) =>
        new(cpu, memory, nodeSelector ?? NoLabels, tolerations ?? [], affinity ?? [], antiAffinity ?? [], spreadOwner);

    private static bool IsWeb(BoundPod pod) => pod.Labels.TryGetValue("app", out var app) && app == "web";

    private static BoundPod Web(string? owner = null) => new("default", new Dictionary<string, string> { ["app"] = "web" }, owner);

    public static TheoryData<string, PodRequirements, NodeCandidate, string?> Filters => new()
    {
        { "fits", Pod(cpu: 100), Node("n"), null },
        { "not ready", Pod(), Node("n", ready: false), "node(s) were not ready" },
        { "cordoned", Pod(), Node("n", unschedulable: true), "node(s) were unschedulable" },
        { "cpu", Pod(cpu: 1500), Node("n", requestedCpu: 600), "Insufficient cpu" },
        { "memory", Pod(memory: 2L << 30), Node("n", memory: 2L << 30, requestedMemory: 1), "Insufficient memory" },
        { "selector mismatch", Pod(nodeSelector: new() { ["disk"] = "ssd" }), Node("n"), "node(s) didn't match Pod's node affinity/selector" },
        { "selector match", Pod(nodeSelector: new() { ["disk"] = "ssd" }), Node("n", labels: new() { ["disk"] = "ssd" }), null },
        { "taint", Pod(), Node("n", taints: [new Taint("dedicated", "gpu", "NoSchedule")]), "node(s) had untolerated taint {dedicated: gpu}" },
        { "tolerated taint", Pod(tolerations: [new Toleration("dedicated", "Equal", "gpu", "NoSchedule")]), Node("n", taints: [new Taint("dedicated", "gpu", "NoSchedule")]), null },
        { "tolerate everything", Pod(tolerations: [new Toleration(null, "Exists", null, null)]), Node("n", taints: [new Taint("a", "b", "NoExecute")]), null },
        { "PreferNoSchedule does not filter", Pod(), Node("n", taints: [new Taint("a", "b", "PreferNoSchedule")]), null },
        { "affinity In", Pod(affinity: [[new NodeSelectorRequirement("zone", "In", ["a", "b"])]]), Node("n", labels: new() { ["zone"] = "b" }), null },
        { "affinity NotIn", Pod(affinity: [[new NodeSelectorRequirement("zone", "NotIn", ["b"])]]), Node("n", labels: new() { ["zone"] = "b" }), "node(s) didn't match Pod's node affinity/selector" },
        { "affinity Gt", Pod(affinity: [[new NodeSelectorRequirement("gen", "Gt", ["3"])]]), Node("n", labels: new() { ["gen"] = "4" }), null },
        { "affinity terms are ORed", Pod(affinity: [[new NodeSelectorRequirement("x", "Exists", [])], [new NodeSelectorRequirement("zone", "DoesNotExist", [])]]), Node("n"), null },
        { "anti-affinity", Pod(antiAffinity: [IsWeb]), Node("n", boundPods: [Web()]), "node(s) didn't match pod anti-affinity rules" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Filter_GivesKubernetesReasons(string scenario, PodRequirements pod, NodeCandidate node, string? reason)
    {
        Assert.True(reason == SchedulingPlanner.Filter(pod, node), $"{scenario}: {SchedulingPlanner.Filter(pod, node)}");
    }

    [Fact]
    public void Plan_PrefersLeastAllocated_ThenSpreadsSiblings()
    {
        var nodes = new[]
        {
            Node("busy", requestedCpu: 1500, requestedMemory: 3L << 30),
            Node("idle"),
            Node("web-host", boundPods: [Web("rs-1"), Web("rs-1")]),
        };
        var decision = SchedulingPlanner.Plan(Pod(cpu: 100, memory: 1 << 20, spreadOwner: "rs-1"), nodes);
        Assert.Equal(["idle", "web-host", "busy"], decision.RankedNodes);
    }

    [Fact]
    public void Plan_RanksOnlyTheBestFew_BestFirst_TiesByName()
    {
        var nodes = Enumerable.Range(0, 20).Select(i => Node($"n{i:D2}", requestedCpu: i % 10 * 100)).Reverse().ToArray();
        var decision = SchedulingPlanner.Plan(Pod(cpu: 100), nodes);
        Assert.Equal(["n00", "n10", "n01", "n11", "n02", "n12", "n03", "n13"], decision.RankedNodes);
        Assert.Equal(SchedulingPlanner.MaxRanked, decision.RankedNodes.Count);
    }

    [Fact]
    public void Plan_WithATieBreak_SpreadsEqualNodes_AndStillPutsBetterScoresFirst()
    {
        var nodes = new[] { Node("a"), Node("b"), Node("c"), Node("busy", requestedCpu: 1000) };
        var firsts = Enumerable.Range(0, 30).Select(seed => SchedulingPlanner.Plan(Pod(), nodes, new Random(seed)).RankedNodes).ToArray();
        Assert.All(firsts, ranked => Assert.Equal("busy", ranked[^1]));
        Assert.Equal(["a", "b", "c"], firsts.Select(ranked => ranked[0]).Distinct().Order());
    }

    [Fact]
    public void Plan_SummarizesWhyNoNodeFits()
    {
        var decision = SchedulingPlanner.Plan(Pod(cpu: 4000), [Node("a"), Node("b", unschedulable: true), Node("c", ready: false)]);
        Assert.False(decision.Schedulable);
        Assert.Equal("0/3 nodes are available: 1 Insufficient cpu, 1 node(s) were not ready, 1 node(s) were unschedulable.", decision.Unschedulable);
    }
}
