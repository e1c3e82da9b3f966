using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Pods;

namespace Actors.Grains.Tests.Controllers;

[Trait("Category", "Unit")]
public sealed class PodQosTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "no resources", """[{"name":"a"}]""", "BestEffort" },
        { "empty resources", """[{"name":"a","resources":{}}]""", "BestEffort" },
        { "limits only: requests default to them", """[{"name":"a","resources":{"limits":{"cpu":"1","memory":"1Gi"}}}]""", "Guaranteed" },
        { "equal requests in other units", """[{"name":"a","resources":{"limits":{"cpu":"1","memory":"1Gi"},"requests":{"cpu":"1000m","memory":"1024Mi"}}}]""", "Guaranteed" },
        { "lower request", """[{"name":"a","resources":{"limits":{"cpu":"1","memory":"1Gi"},"requests":{"cpu":"500m"}}}]""", "Burstable" },
        { "memory limit missing", """[{"name":"a","resources":{"limits":{"cpu":"1"}}}]""", "Burstable" },
        { "one container without", """[{"name":"a","resources":{"limits":{"cpu":"1","memory":"1Gi"}}},{"name":"b"}]""", "Burstable" },
        { "requests only", """[{"name":"a","resources":{"requests":{"cpu":"100m"}}}]""", "Burstable" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Class_follows_the_containers_resources(string scenario, string containers, string expected)
    {
        var pod = new JsonObject { ["spec"] = new JsonObject { ["containers"] = JsonNode.Parse(containers) } };
        Assert.True(expected == PodQos.Class(pod), $"{scenario}: {PodQos.Class(pod)}");
    }
}
