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
    public void Node_filter_selects_the_node() => Assert.Equal("io.actors.node=node-a", ContainerLabels.NodeFilter("node-a"));

    public static TheoryData<string, Dictionary<string, string>, string?> Identities => new()
    {
        // Made for a pod: the labels say which, whatever the name.
        { "/anything", new() { ["io.kubernetes.pod.uid"] = "u-1", ["io.kubernetes.pod.namespace"] = "shop", ["io.kubernetes.pod.name"] = "web", ["io.kubernetes.container.name"] = "app", ["io.actors.container.attempt"] = "2" }, "u-1 shop web app 2" },
        // A pool sandbox claimed by a pod: its name says which.
        { "/k8s_POD_web-7d9_shop_u-1_3", new() { ["io.actors.sandbox-pool"] = "true", ["io.actors.node"] = "n" }, "u-1 shop web-7d9 POD 3" },
        { "k8s_POD_web_default_0b8c-11_0", new() { ["io.actors.sandbox-pool"] = "true" }, "0b8c-11 default web POD 0" },
        // A warm pool sandbox belongs to no pod.
        { "/actors-pool_n_0a1b2c3d4e5f", new() { ["io.actors.sandbox-pool"] = "true", ["io.actors.node"] = "n" }, null },
        // A shim name alone, without the pool mark, is not trusted: someone else's container.
        { "/k8s_POD_web_shop_u-1_0", new() { ["io.actors.node"] = "n" }, null },
        // Not a shim name: too few parts, or an attempt that is not a number.
        { "/k8s_POD_web_u-1_0", new() { ["io.actors.sandbox-pool"] = "true" }, null },
        { "/k8s_POD_web_shop_u-1_x", new() { ["io.actors.sandbox-pool"] = "true" }, null },
    };

    [Theory]
    [MemberData(nameof(Identities))]
    public void Identity_comes_from_labels_or_a_claimed_pool_sandbox_name(string name, Dictionary<string, string> labels, string? expected)
    {
        var identity = ContainerIdentity.From(name, labels);

        Assert.Equal(expected, identity is null ? null : $"{identity.PodUid} {identity.PodNamespace} {identity.PodName} {identity.ContainerName} {identity.Attempt}");
    }

    [Theory]
    [InlineData("/actors-pool_n_0a1b2c3d4e5f", true, true)]
    [InlineData("/k8s_POD_web_shop_u-1_0", true, false)]
    [InlineData("/actors-pool_n_0a1b2c3d4e5f", false, false)]
    public void Warm_pool_sandboxes_are_pool_made_and_unclaimed(string name, bool poolLabel, bool expected)
    {
        var labels = poolLabel ? new Dictionary<string, string> { ["io.actors.sandbox-pool"] = "true" } : [];

        Assert.Equal(expected, ContainerIdentity.IsWarmPoolSandbox(name, labels));
    }

    [Theory]
    [InlineData("/k8s_POD_web_shop_u-1_0", true, true)]
    [InlineData("/k8s_app_web_shop_u-1_12", true, false)]
    [InlineData("/k8s_app_web_shop_u-12_0", false, false)]
    [InlineData("/k8s_POD_web_shop_xu-1_0", false, false)]
    [InlineData("/actors-pool_n_u-1", false, false)]
    public void Name_patterns_select_one_pods_containers_and_its_sandbox(string name, bool inPod, bool isSandbox)
    {
        Assert.Equal(inPod, System.Text.RegularExpressions.Regex.IsMatch(name, ContainerIdentity.PodNamePattern("u-1")));
        Assert.Equal(isSandbox, System.Text.RegularExpressions.Regex.IsMatch(name, ContainerIdentity.SandboxNamePattern("u-1")));
    }
}
