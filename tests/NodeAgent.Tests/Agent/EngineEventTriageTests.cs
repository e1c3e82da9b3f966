using Actors.NodeAgent.Agent;
using Actors.NodeAgent.Runtime;

namespace Actors.NodeAgent.Tests.Agent;

[Trait("Category", "Unit")]
public sealed class EngineEventTriageTests
{
    private static readonly RuntimePod Observed = new(
        "uid", "default", "web", "sandbox", SandboxRunning: true, "172.17.0.5",
        [Container("app-0", RuntimeContainerState.Exited), Container("app-1", RuntimeContainerState.Running), Container("side-0", RuntimeContainerState.Created)]);

    [Theory]
    [InlineData(false, true, null, true, "a death or removal is always read")]
    [InlineData(false, true, "app-1", false, "a start already read back as running")]
    [InlineData(false, true, "sandbox", false, "the sandbox's start already read back")]
    [InlineData(false, true, "app-0", true, "a restart of an exited container")]
    [InlineData(false, true, "side-0", true, "a created container that started since")]
    [InlineData(false, true, "app-2", true, "a container the agent has not seen")]
    [InlineData(false, false, "app-1", true, "a pod the agent has not read yet")]
    [InlineData(true, true, null, false, "work in flight reads the pod when it ends")]
    [InlineData(true, false, "app-2", false, "work in flight, even for an unseen container")]
    public void Only_news_about_an_idle_pod_is_read_from_the_engine(bool busy, bool seen, string? startedContainerId, bool refresh, string why) =>
        Assert.True(refresh == EngineEventTriage.NeedsRefresh(busy, seen ? Observed : null, startedContainerId), why);

    [Fact]
    public void A_sandbox_seen_stopped_is_read_again_when_it_starts() =>
        Assert.True(EngineEventTriage.NeedsRefresh(false, Observed with { SandboxRunning = false }, "sandbox"));

    private static RuntimeContainer Container(string id, RuntimeContainerState state) =>
        new(id, id[..id.IndexOf('-')], int.Parse(id[(id.IndexOf('-') + 1)..]), state, null, null, null, null, null, "actors/busybox:1", "sha256:1");
}
