using System.Text.Json.Nodes;
using Actors.Gateway.Metrics;

namespace Actors.Gateway.Tests.Metrics;

[Trait("Category", "Unit")]
public sealed class ObjectTallyTests
{
    private const string ReadyNode = """{ "status": { "conditions": [ { "type": "Ready", "status": "True" } ] } }""";

    public static TheoryData<(string Kind, string Json)[], string, string, string, double> Cases => new()
    {
        // objects -> family, label name, label value, expected value
        { [], ObjectTally.ObjectsName, "kind", "Pod", 0 },
        { [], ObjectTally.PodsName, "phase", "Running", 0 },
        { [], ObjectTally.NodesName, "ready", "true", 0 },
        { [("Pod", "{}"), ("Pod", "{}"), ("ConfigMap", "{}")], ObjectTally.ObjectsName, "kind", "Pod", 2 },
        // A pod without a phase has not started: Pending, as Kubernetes defaults it.
        { [("Pod", "{}"), ("Pod", """{ "status": { "phase": "Running" } }""")], ObjectTally.PodsName, "phase", "Pending", 1 },
        { [("Pod", """{ "status": { "phase": "Running" } }""")], ObjectTally.PodsName, "phase", "Running", 1 },
        // A phase nobody defined, or a mistyped one, counts as Unknown.
        { [("Pod", """{ "status": { "phase": "Sleeping" } }"""), ("Pod", """{ "status": { "phase": 3 } }""")], ObjectTally.PodsName, "phase", "Unknown", 1 },
        { [("Node", ReadyNode), ("Node", "{}"), ("Node", """{ "status": { "conditions": [ { "type": "Ready", "status": "Unknown" } ] } }""")], ObjectTally.NodesName, "ready", "false", 2 },
        { [("Node", ReadyNode), ("Node", "{}")], ObjectTally.NodesName, "ready", "true", 1 },
        // A kind the tally was not told of still counts.
        { [("Widget", "{}")], ObjectTally.ObjectsName, "kind", "Widget", 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Objects_are_counted_by_kind_phase_and_readiness((string Kind, string Json)[] objects, string family, string label, string value, double expected)
    {
        var tally = new ObjectTally(["ConfigMap", "Node", "Pod"]);
        foreach (var (kind, json) in objects)
        {
            tally.Add(kind, JsonNode.Parse(json)!.AsObject());
        }

        var point = Assert.Single(tally.ToFamilies().Single(f => f.Name == family).Points, p => p.Labels.Single().Key == label && p.Labels.Single().Value == value);
        Assert.Equal(expected, point.Value);
    }

    [Fact]
    public void Every_phase_and_readiness_has_a_series_even_when_zero()
    {
        var families = new ObjectTally(["Pod"]).ToFamilies();

        Assert.Equal(ObjectTally.PodPhases, families.Single(f => f.Name == ObjectTally.PodsName).Points.Select(p => p.Labels[0].Value));
        Assert.Equal(["false", "true"], families.Single(f => f.Name == ObjectTally.NodesName).Points.Select(p => p.Labels[0].Value));
        Assert.All(families, f => Assert.Equal(MetricType.Gauge, f.Type));
    }
}
