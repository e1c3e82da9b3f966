using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Nodes;

namespace Actors.Grains.Tests.Controllers;

[Trait("Category", "Unit")]
public sealed class NodeLifecyclePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly NodeLifecycleOptions Options = new();
    private const string Stamp = "2026-01-01T12:00:00Z";

    private static JsonObject Node(string? readyStatus, int transitionSecondsAgo = 3600)
    {
        var conditions = new JsonArray();
        if (readyStatus is not null)
        {
            conditions.Add(new JsonObject
            {
                ["type"] = "Ready",
                ["status"] = readyStatus,
                ["reason"] = "KubeletReady",
                ["lastHeartbeatTime"] = "2026-01-01T11:00:00Z",
                ["lastTransitionTime"] = Now.AddSeconds(-transitionSecondsAgo).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            });
        }
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "n1" },
            ["status"] = new JsonObject { ["conditions"] = conditions },
        };
    }

    public static TheoryData<string, string?, int, int, NodeLifecycleAction> Cases => new()
    {
        { "fresh heartbeat", "True", 3600, 10, NodeLifecycleAction.None },
        { "silent just under the grace period", "True", 3600, 39, NodeLifecycleAction.None },
        { "silent for the grace period", "True", 3600, 40, NodeLifecycleAction.MarkUnknown },
        { "NotReady and silent", "False", 3600, 60, NodeLifecycleAction.MarkUnknown },
        { "never reported and silent", null, 0, 60, NodeLifecycleAction.MarkUnknown },
        { "Unknown, not yet for the eviction timeout", "Unknown", 299, 339, NodeLifecycleAction.None },
        { "Unknown for the eviction timeout", "Unknown", 300, 340, NodeLifecycleAction.EvictPods },
        { "Unknown long ago but heartbeating again", "Unknown", 3600, 1, NodeLifecycleAction.None },
        { "heartbeating NotReady (engine down), not yet for the eviction timeout", "False", 299, 1, NodeLifecycleAction.None },
        { "heartbeating NotReady for the eviction timeout", "False", 300, 1, NodeLifecycleAction.EvictPods },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_acts_on_a_silent_node(string scenario, string? ready, int unknownSecondsAgo, int silentSeconds, NodeLifecycleAction expected)
    {
        var action = NodeLifecyclePlanner.Plan(Node(ready, unknownSecondsAgo), Now.AddSeconds(-silentSeconds), Now, Options);

        Assert.True(expected == action, $"{scenario}: {action}");
    }

    private static JsonObject[] Unreachable(JsonObject node) =>
        [.. (node["spec"]!["taints"] as JsonArray ?? []).OfType<JsonObject>().Where(t => (string?)t["key"] == NodeHeartbeat.UnreachableTaint)];

    [Fact]
    public void MarkUnknown_makes_Ready_Unknown_and_keeps_its_last_heartbeat()
    {
        var current = Node("True");

        var node = NodeLifecyclePlanner.MarkUnknown(current, Now);

        var ready = node["status"]!["conditions"]!.AsArray().Single()!;
        Assert.Equal("Unknown", (string?)ready["status"]);
        Assert.Equal("NodeStatusUnknown", (string?)ready["reason"]);
        Assert.Equal("Kubelet stopped posting node status.", (string?)ready["message"]);
        Assert.Equal(Stamp, (string?)ready["lastTransitionTime"]);
        Assert.Equal("2026-01-01T11:00:00Z", (string?)ready["lastHeartbeatTime"]);
        Assert.Equal("True", (string?)current["status"]!["conditions"]![0]!["status"]);
    }

    [Fact]
    public void MarkUnknown_adds_the_NoSchedule_and_NoExecute_unreachable_taints_once()
    {
        var current = Node("True");
        current["spec"] = new JsonObject { ["taints"] = new JsonArray(new JsonObject { ["key"] = "dedicated", ["effect"] = "NoSchedule" }) };

        var once = NodeLifecyclePlanner.MarkUnknown(current, Now);
        var twice = NodeLifecyclePlanner.MarkUnknown(once, Now.AddMinutes(1));

        Assert.Equal(["NoExecute", "NoSchedule"], Unreachable(once).Select(t => (string?)t["effect"]).Order());
        Assert.Equal(Stamp, (string?)Unreachable(once).Single(t => (string?)t["effect"] == "NoExecute")["timeAdded"]);
        Assert.True(JsonNode.DeepEquals(once["spec"], twice["spec"]));
        Assert.Equal(3, twice["spec"]!["taints"]!.AsArray().Count);
    }

    [Fact]
    public void MarkUnknown_of_a_node_that_never_reported_says_so()
    {
        var current = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "n1", ["creationTimestamp"] = "2026-01-01T10:00:00Z" } };

        var node = NodeLifecyclePlanner.MarkUnknown(current, Now);

        var ready = node["status"]!["conditions"]!.AsArray().Single()!;
        Assert.Equal("Unknown", (string?)ready["status"]);
        Assert.Equal("NodeStatusNeverUpdated", (string?)ready["reason"]);
        Assert.Equal("Kubelet never posted node status.", (string?)ready["message"]);
        Assert.Equal("2026-01-01T10:00:00Z", (string?)ready["lastHeartbeatTime"]);
        Assert.Equal(Stamp, (string?)ready["lastTransitionTime"]);
        Assert.Equal(2, Unreachable(node).Length);
    }
}
