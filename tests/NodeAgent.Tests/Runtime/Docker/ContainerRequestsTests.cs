using Actors.NodeAgent.Runtime;
using Actors.NodeAgent.Runtime.Docker;

namespace Actors.NodeAgent.Tests.Runtime.Docker;

[Trait("Category", "Unit")]
public sealed class ContainerRequestsTests
{
    public static TheoryData<string[]?, string[]?, string[]?, string[]?> CommandCases => new()
    {
        // command, args → entrypoint, cmd
        { null, null, null, null },
        { [], [], null, null },
        { ["/bin/app"], null, ["/bin/app"], [] },
        { ["/bin/app"], [], ["/bin/app"], [] },
        { null, ["--port", "80"], null, ["--port", "80"] },
        { [], ["--port", "80"], null, ["--port", "80"] },
        { ["sh", "-c"], ["echo hi"], ["sh", "-c"], ["echo hi"] },
    };

    [Theory]
    [MemberData(nameof(CommandCases))]
    public void Kubernetes_command_and_args_become_entrypoint_and_cmd(string[]? command, string[]? args, string[]? entrypoint, string[]? cmd)
    {
        var engine = KubernetesCommand.ToEngine(command, args);

        Assert.Equal(entrypoint, engine.Entrypoint);
        Assert.Equal(cmd, engine.Cmd);
    }

    [Theory]
    [InlineData("/data", "/var/data", false, "/data:/var/data")]
    [InlineData("/etc/cfg", "/config", true, "/etc/cfg:/config:ro")]
    public void Mounts_become_binds(string host, string container, bool readOnly, string expected) =>
        Assert.Equal(expected, ContainerRequests.Bind(new VolumeMount(host, container, readOnly)));

    [Fact]
    public void Container_joins_the_sandbox_with_its_env_binds_and_limits()
    {
        var launch = PodFixtures.Launch(
            command: ["httpd"], args: ["-f"], mounts: [new VolumeMount("/h", "/c", true)], cpuMilli: 250, memory: 64 << 20, attempt: 2) with
        {
            Env = [new("A", "1"), new("B", "x=y")],
            WorkingDir = "/srv",
        };

        var request = ContainerRequests.Container(PodFixtures.Pod(), "node-a", launch, "sandbox-id");

        Assert.Equal("k8s_app_web-7d9_shop_u-1_2", request.Name);
        Assert.Equal("container:sandbox-id", request.HostConfig.NetworkMode);
        Assert.Equal(["A=1", "B=x=y"], request.Env);
        Assert.Equal("/srv", request.WorkingDir);
        Assert.Equal(["/h:/c:ro"], request.HostConfig.Binds);
        Assert.Equal(250_000_000, request.HostConfig.NanoCpus);
        Assert.Equal(64L << 20, request.HostConfig.Memory);
        Assert.Null(request.Hostname);
        Assert.Equal("2", request.Labels!["io.actors.container.attempt"]);
    }

    [Fact]
    public void Container_without_limits_or_mounts_sets_none()
    {
        var request = ContainerRequests.Container(PodFixtures.Pod(), "node-a", PodFixtures.Launch(), "s");

        Assert.Null(request.HostConfig.NanoCpus);
        Assert.Null(request.HostConfig.Memory);
        Assert.Null(request.HostConfig.Binds);
        Assert.Null(request.Entrypoint);
        Assert.Null(request.Cmd);
        Assert.Equal((false, false, false), (request.OpenStdin, request.StdinOnce, request.Tty));
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    public void Container_keeps_stdin_open_and_a_tty_as_its_spec_asks_for_a_later_attach(bool stdin, bool stdinOnce, bool tty)
    {
        var launch = PodFixtures.Launch() with { Stdio = new ContainerStdio(stdin, stdinOnce, tty) };

        var request = ContainerRequests.Container(PodFixtures.Pod(), "node-a", launch, "s");

        Assert.Equal((stdin, stdinOnce, tty), (request.OpenStdin, request.StdinOnce, request.Tty));
    }

    [Fact]
    public void Sandbox_holds_network_and_hostname_and_idles()
    {
        var options = new DockerRuntimeOptions { Network = "actors-net" };

        var request = ContainerRequests.Sandbox(PodFixtures.Pod(), "node-a", 1, options);

        Assert.Equal("k8s_POD_web-7d9_shop_u-1_1", request.Name);
        Assert.Equal("actors/busybox:1", request.Image);
        Assert.Equal(["sleep", "2147483647"], request.Entrypoint);
        Assert.Equal("actors-net", request.HostConfig.NetworkMode);
        Assert.Equal("web-7d9", request.Hostname);
        Assert.Equal("POD", request.Labels!["io.kubernetes.container.name"]);
        Assert.Null(request.HostConfig.Dns);
        Assert.Null(request.HostConfig.DnsSearch);
    }

    [Fact]
    public void Sandbox_resolves_through_cluster_DNS_with_the_pods_namespace_first()
    {
        var options = new DockerRuntimeOptions { ClusterDns = ["172.17.0.1"] };

        var request = ContainerRequests.Sandbox(PodFixtures.Pod(), "node-a", 0, options);

        Assert.Equal(["172.17.0.1"], request.HostConfig.Dns);
        Assert.Equal(["shop.svc.cluster.local", "svc.cluster.local", "cluster.local"], request.HostConfig.DnsSearch);
        Assert.Equal(["ndots:5"], request.HostConfig.DnsOptions);
        Assert.Equal("bridge", request.HostConfig.NetworkMode);
    }

    [Theory]
    [InlineData(true, PullPolicy.Always, ImageAction.UseLocal)]
    [InlineData(true, PullPolicy.IfNotPresent, ImageAction.UseLocal)]
    [InlineData(true, PullPolicy.Never, ImageAction.UseLocal)]
    [InlineData(false, PullPolicy.Always, ImageAction.Pull)]
    [InlineData(false, PullPolicy.IfNotPresent, ImageAction.Pull)]
    [InlineData(false, PullPolicy.Never, ImageAction.Refuse)]
    public void A_local_image_is_never_pulled_and_a_missing_one_only_when_allowed(bool present, PullPolicy policy, ImageAction expected) =>
        Assert.Equal(expected, ImagePullDecision.Decide(present, policy));
}
