using Actors.NodeAgent.Runtime.Docker;

namespace Actors.NodeAgent.Tests.Runtime.Docker;

[Trait("Category", "Unit")]
public sealed class ContainerIdentityTests
{
    [Theory]
    [InlineData("POD", 0, "k8s_POD_web-7d9_shop_u-1_0")]
    [InlineData("app", 0, "k8s_app_web-7d9_shop_u-1_0")]
    [InlineData("sidecar", 3, "k8s_sidecar_web-7d9_shop_u-1_3")]
    public void Names_follow_the_docker_shim(string container, int attempt, string expected) =>
        Assert.Equal(expected, ContainerNames.Container(PodFixtures.Pod(), container, attempt));

    [Fact]
    public void Sandbox_name_is_container_POD() =>
        Assert.Equal("k8s_POD_web-7d9_shop_u-1_2", ContainerNames.Sandbox(PodFixtures.Pod(), 2));

    [Fact]
    public void Container_labels_name_pod_container_node_and_attempt()
    {
        var labels = ContainerLabels.ForContainer(PodFixtures.Pod(), "node-a", "app", 4);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["io.kubernetes.pod.uid"] = "u-1",
                ["io.kubernetes.pod.namespace"] = "shop",
                ["io.kubernetes.pod.name"] = "web-7d9",
                ["io.kubernetes.container.name"] = "app",
                ["io.actors.node"] = "node-a",
                ["io.actors.container.attempt"] = "4",
            },
            labels);
    }

    [Fact]
    public void Sandbox_labels_add_the_pod_labels_but_ours_win_a_clash()
    {
        var pod = PodFixtures.Pod(labels: new Dictionary<string, string> { ["app"] = "web", ["io.actors.node"] = "forged" });

        var labels = ContainerLabels.ForSandbox(pod, "node-a", 0);

        Assert.Equal("web", labels["app"]);
        Assert.Equal("node-a", labels["io.actors.node"]);
        Assert.Equal("POD", labels["io.kubernetes.container.name"]);
        Assert.Equal("0", labels["io.actors.container.attempt"]);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("7", 7)]
    [InlineData("-1", 0)]
    [InlineData("x", 0)]
    public void Attempt_reads_the_label_or_falls_back_to_zero(string? value, int expected)
    {
        var labels = value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["io.actors.container.attempt"] = value };

        Assert.Equal(expected, ContainerLabels.Attempt(labels));
    }

    [Fact]
    public void Filters_select_a_node_a_pod_and_its_sandbox()
    {
        Assert.Equal("io.actors.node=node-a", ContainerLabels.NodeFilter("node-a"));
        Assert.Equal(
            ["io.actors.node=node-a", "io.kubernetes.pod.uid=u-1", "io.kubernetes.container.name=POD"],
            ContainerLabels.SandboxFilters("node-a", "u-1"));
    }
}
