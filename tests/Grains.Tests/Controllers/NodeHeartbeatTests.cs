using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Nodes;

namespace Actors.Grains.Tests.Controllers;

[Trait("Category", "Unit")]
public sealed class NodeHeartbeatTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ReportPeriod = TimeSpan.FromMinutes(1);
    private const string Earlier = "2026-01-01T11:00:00Z";
    private const string Stamp = "2026-01-01T12:00:00Z";

    private static JsonObject Condition(string type, string status, string reason = "KubeletReady") => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["reason"] = reason,
        ["lastHeartbeatTime"] = Earlier,
        ["lastTransitionTime"] = Earlier,
    };

    private static JsonObject Node(JsonArray? taints = null, params JsonObject[] conditions)
    {
        var node = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "n1" },
            ["spec"] = new JsonObject(),
            ["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray([.. conditions]),
                ["capacity"] = new JsonObject { ["cpu"] = "8", ["memory"] = "16Gi", ["pods"] = "110" },
            },
        };
        if (taints is not null)
        {
            node["spec"]!["taints"] = taints;
        }
        return node;
    }

    private static JsonObject Report(string readyStatus, string reason = "KubeletReady") => new()
    {
        ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = readyStatus, ["reason"] = reason }),
    };

    private static JsonObject Taint(string key, string effect) => new() { ["key"] = key, ["effect"] = effect };

    private static JsonObject ConditionOf(JsonObject node, string type) =>
        node["status"]!["conditions"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["type"] == type);

    [Fact]
    public void Merge_of_an_unchanged_status_moves_only_the_heartbeat_and_does_not_write()
    {
        var current = Node(null, Condition("Ready", "True"), Condition("MemoryPressure", "False", "KubeletHasSufficientMemory"));

        var (node, write) = NodeHeartbeat.Merge(current, Report("True"), Now, Now.AddSeconds(-10), ReportPeriod);

        Assert.False(write);
        Assert.Equal(Stamp, (string?)ConditionOf(node, "Ready")["lastHeartbeatTime"]);
        Assert.Equal(Earlier, (string?)ConditionOf(node, "Ready")["lastTransitionTime"]);
        Assert.True(JsonNode.DeepEquals(Condition("MemoryPressure", "False", "KubeletHasSufficientMemory"), ConditionOf(node, "MemoryPressure")));
        Assert.Equal(2, node["status"]!["conditions"]!.AsArray().Count);
        Assert.Equal(Earlier, (string?)ConditionOf(current, "Ready")["lastHeartbeatTime"]);
    }

    [Theory]
    [InlineData("the report period passed", 60, true)]
    [InlineData("within the report period", 59, false)]
    public void Merge_writes_an_unchanged_status_once_per_report_period(string scenario, int secondsSinceWrite, bool write)
    {
        var (_, written) = NodeHeartbeat.Merge(Node(null, Condition("Ready", "True")), Report("True"), Now, Now.AddSeconds(-secondsSinceWrite), ReportPeriod);

        Assert.True(write == written, scenario);
    }

    [Fact]
    public void Merge_writes_when_nothing_was_written_yet()
    {
        Assert.True(NodeHeartbeat.Merge(Node(null, Condition("Ready", "True")), Report("True"), Now, null, ReportPeriod).Write);
    }

    [Theory]
    [InlineData("Unknown", "True", "KubeletReady")]
    [InlineData("True", "False", "KubeletNotReady")]
    [InlineData("False", "True", "KubeletReady")]
    public void Merge_moves_the_transition_time_when_the_status_changes(string before, string after, string reason)
    {
        var current = Node(null, Condition("Ready", before, "NodeStatusUnknown"));

        var (node, write) = NodeHeartbeat.Merge(current, Report(after, reason), Now, Now.AddSeconds(-1), ReportPeriod);

        Assert.True(write);
        var ready = ConditionOf(node, "Ready");
        Assert.Equal(after, (string?)ready["status"]);
        Assert.Equal(reason, (string?)ready["reason"]);
        Assert.Equal(Stamp, (string?)ready["lastTransitionTime"]);
        Assert.Equal(Stamp, (string?)ready["lastHeartbeatTime"]);
    }

    [Fact]
    public void Merge_writes_when_a_reason_changes_under_the_same_status()
    {
        var (node, write) = NodeHeartbeat.Merge(Node(null, Condition("Ready", "False", "A")), Report("False", "B"), Now, Now.AddSeconds(-1), ReportPeriod);

        Assert.True(write);
        Assert.Equal(Earlier, (string?)ConditionOf(node, "Ready")["lastTransitionTime"]);
    }

    [Fact]
    public void Merge_adds_a_condition_the_node_did_not_have()
    {
        var (node, write) = NodeHeartbeat.Merge(Node(), Report("True"), Now, Now.AddSeconds(-1), ReportPeriod);

        Assert.True(write);
        Assert.Equal(Stamp, (string?)ConditionOf(node, "Ready")["lastTransitionTime"]);
    }

    [Theory]
    [InlineData("only unreachable taints: the list goes", false)]
    [InlineData("other taints stay", true)]
    public void Merge_lifts_the_unreachable_taints_of_a_returning_agent(string scenario, bool withOther)
    {
        var taints = new JsonArray(Taint(NodeHeartbeat.UnreachableTaint, "NoSchedule"), Taint(NodeHeartbeat.UnreachableTaint, "NoExecute"));
        if (withOther)
        {
            taints.Add(Taint("dedicated", "NoSchedule"));
        }

        var (node, write) = NodeHeartbeat.Merge(Node(taints, Condition("Ready", "True")), Report("True"), Now, Now.AddSeconds(-1), ReportPeriod);

        Assert.True(write, scenario);
        var left = node["spec"]!["taints"] as JsonArray;
        Assert.True(withOther ? left!.Count == 1 && (string?)left[0]!["key"] == "dedicated" : left is null, scenario);
    }

    [Fact]
    public void Merge_takes_reported_capacity_info_and_addresses_and_keeps_capacity_it_does_not_report()
    {
        var report = Report("True");
        report["nodeInfo"] = new JsonObject { ["kubeletVersion"] = "v1.33.0-actors" };
        report["addresses"] = new JsonArray(new JsonObject { ["type"] = "InternalIP", ["address"] = "10.0.0.2" });

        var (node, write) = NodeHeartbeat.Merge(Node(null, Condition("Ready", "True")), report, Now, Now.AddSeconds(-1), ReportPeriod);

        Assert.True(write);
        Assert.Equal("v1.33.0-actors", (string?)node["status"]!["nodeInfo"]!["kubeletVersion"]);
        Assert.Equal("10.0.0.2", (string?)node["status"]!["addresses"]![0]!["address"]);
        Assert.Equal("8", (string?)node["status"]!["capacity"]!["cpu"]);
    }
}
