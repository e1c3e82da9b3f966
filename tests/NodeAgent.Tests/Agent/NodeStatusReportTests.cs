using System.Text.Json.Nodes;
using Actors.NodeAgent.Agent;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Tests.Agent;

[Trait("Category", "Unit")]
public sealed class NodeStatusReportTests
{
    private static readonly RuntimeInfo Engine = new("28.0.1", 4, 8L * 1024 * 1024 * 1024, "Debian GNU/Linux 12", "6.1.0", "x86_64");

    private static JsonObject Ready(JsonObject status) => status["conditions"]!.AsArray().Single()!.AsObject();

    [Fact]
    public void Build_with_an_answering_engine_is_ready_with_its_info_and_capacity()
    {
        var status = NodeStatusReport.Build(Engine, null, "n1", "192.168.1.10");

        Assert.Equal("True", (string?)Ready(status)["status"]);
        Assert.Equal("KubeletReady", (string?)Ready(status)["reason"]);
        Assert.Equal("28.0.1", (string?)status["nodeInfo"]!["containerRuntimeVersion"]);
        Assert.Equal("x86_64", (string?)status["nodeInfo"]!["architecture"]);
        Assert.Equal(NodeStatusReport.KubeletVersion, (string?)status["nodeInfo"]!["kubeletVersion"]);
        Assert.Equal("4", (string?)status["capacity"]!["cpu"]);
        Assert.Equal("8388608Ki", (string?)status["capacity"]!["memory"]);
        Assert.Equal("110", (string?)status["capacity"]!["pods"]);
        Assert.True(JsonNode.DeepEquals(status["capacity"], status["allocatable"]));
        Assert.Equal(
            ["InternalIP=192.168.1.10", "Hostname=n1"],
            status["addresses"]!.AsArray().Select(a => $"{a!["type"]}={a["address"]}"));
    }

    [Fact]
    public void Build_with_an_engine_error_is_not_ready_and_says_why()
    {
        var status = NodeStatusReport.Build(null, "Cannot connect to the Docker daemon", "n1", "192.168.1.10");

        Assert.Equal("False", (string?)Ready(status)["status"]);
        Assert.Equal("KubeletNotReady", (string?)Ready(status)["reason"]);
        Assert.Equal("container runtime is down: Cannot connect to the Docker daemon", (string?)Ready(status)["message"]);
        Assert.Null(status["nodeInfo"]);
        Assert.Null(status["capacity"]);
        Assert.NotNull(status["addresses"]);
    }

    [Fact]
    public void Build_for_a_hollow_runtime_reports_no_capacity()
    {
        var status = NodeStatusReport.Build(Engine with { Cpus = 0, MemoryBytes = 0 }, null, "hollow-1", "10.0.0.1");

        Assert.Equal("True", (string?)Ready(status)["status"]);
        Assert.NotNull(status["nodeInfo"]);
        Assert.Null(status["capacity"]);
        Assert.Null(status["allocatable"]);
    }

    [Theory]
    [InlineData(3, 3, "True", "SandboxPoolFull", "3 of 3 warm pod sandboxes (sandbox pool size 3)")]
    [InlineData(3, 1, "False", "SandboxPoolRefilling", "1 of 3 warm pod sandboxes (sandbox pool size 3)")]
    public void Build_reports_the_sandbox_pool_as_a_condition(int size, int warm, string conditionStatus, string reason, string message)
    {
        var status = NodeStatusReport.Build(Engine, null, "n1", "192.168.1.10", new SandboxPoolStatus(size, warm));

        var pool = status["conditions"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["type"] == "SandboxPool");
        Assert.Equal((conditionStatus, reason, message), ((string?)pool["status"], (string?)pool["reason"], (string?)pool["message"]));
    }

    [Fact]
    public void Build_without_a_pool_reports_no_pool_condition() =>
        Assert.Single(NodeStatusReport.Build(Engine, null, "n1", "192.168.1.10", SandboxPoolStatus.Off)["conditions"]!.AsArray());
}
