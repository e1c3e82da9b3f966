using Actors.Grains.Abstractions.Resources;
using Actors.NodeAgent.Agent;
using Actors.NodeAgent.Runtime;
using HostMount = Actors.NodeAgent.Runtime.VolumeMount;
using SpecMount = Actors.Grains.Abstractions.Resources.VolumeMount;

namespace Actors.NodeAgent.Tests.Agent;

[Trait("Category", "Unit")]
public sealed class ContainerLaunchBuilderTests
{
    private const string VolumeDirectory = "/var/lib/actors/volumes/uid-1";

    private static readonly PodEnvironment Environment = new(
        new Dictionary<string, IReadOnlyDictionary<string, string>> { ["settings"] = new Dictionary<string, string> { ["mode"] = "fast", ["level"] = "3" } },
        new Dictionary<string, IReadOnlyDictionary<string, string>> { ["creds"] = new Dictionary<string, string> { ["password"] = "s3cret" } },
        VolumeDirectory);

    private static Pod Pod(Container container, params Volume[] volumes) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = "web",
            Namespace = "shop",
            Uid = "uid-1",
            Labels = new() { ["app"] = "demo" },
            Annotations = new() { ["owner"] = "team-a" },
        },
        Spec = new PodSpec { NodeName = "n1", Containers = [container], Volumes = [.. volumes] },
    };

    private static (ContainerLaunch? Launch, string? Error) Build(Container container, params Volume[] volumes) =>
        ContainerLaunchBuilder.Build(Pod(container, volumes), container, 2, "10.88.0.7", "192.168.1.10", Environment);

    private static Container WithEnv(params EnvVar[] env) => new() { Name = "app", Image = "actors/busybox:1", Env = [.. env] };

    private static EnvVar Field(string path) => new() { Name = "V", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = path } } };

    private static EnvVar ConfigMapKey(string name, string key, bool? optional = null) =>
        new() { Name = "V", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = name, Key = key, Optional = optional } } };

    private static EnvVar SecretKey(string name, string key, bool? optional = null) =>
        new() { Name = "V", ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = name, Key = key, Optional = optional } } };

    public static TheoryData<string, EnvVar, string?, string?> EnvCases => new()
    {
        { "literal", new EnvVar { Name = "V", Value = "x" }, "x", null },
        { "literal without a value is empty", new EnvVar { Name = "V" }, "", null },
        { "metadata.name", Field("metadata.name"), "web", null },
        { "metadata.namespace", Field("metadata.namespace"), "shop", null },
        { "metadata.uid", Field("metadata.uid"), "uid-1", null },
        { "spec.nodeName", Field("spec.nodeName"), "n1", null },
        { "status.podIP", Field("status.podIP"), "10.88.0.7", null },
        { "status.hostIP", Field("status.hostIP"), "192.168.1.10", null },
        { "a label", Field("metadata.labels['app']"), "demo", null },
        { "an annotation", Field("metadata.annotations['owner']"), "team-a", null },
        { "a missing label is empty", Field("metadata.labels['absent']"), "", null },
        { "a missing annotation is empty", Field("metadata.annotations['absent']"), "", null },
        { "ConfigMap key", ConfigMapKey("settings", "mode"), "fast", null },
        { "missing ConfigMap", ConfigMapKey("absent", "mode"), null, "configmap \"absent\" not found" },
        { "missing ConfigMap key", ConfigMapKey("settings", "absent"), null, "couldn't find key absent in ConfigMap shop/settings" },
        { "optional missing ConfigMap: unset", ConfigMapKey("absent", "mode", optional: true), null, null },
        { "optional missing ConfigMap key: unset", ConfigMapKey("settings", "absent", optional: true), null, null },
        { "Secret key", SecretKey("creds", "password"), "s3cret", null },
        { "missing Secret", SecretKey("absent", "password"), null, "secret \"absent\" not found" },
        { "missing Secret key", SecretKey("creds", "absent"), null, "couldn't find key absent in Secret shop/creds" },
        { "optional missing Secret: unset", SecretKey("absent", "password", optional: true), null, null },
    };

    [Theory]
    [MemberData(nameof(EnvCases))]
    public void Build_resolves_an_environment_variable(string scenario, EnvVar variable, string? value, string? error)
    {
        var (launch, message) = Build(WithEnv(variable));

        Assert.True(error == message, $"{scenario}: {message}");
        if (error is null)
        {
            var values = launch!.Env.Where(p => p.Key == "V").Select(p => p.Value).ToList();
            Assert.True(value is null ? values.Count == 0 : values.SequenceEqual([value]), $"{scenario}: [{string.Join(",", values)}]");
        }
        else
        {
            Assert.Null(launch);
        }
    }

    [Fact]
    public void Build_takes_envFrom_with_its_prefix_before_env_which_overrides_it()
    {
        var container = WithEnv(new EnvVar { Name = "CFG_mode", Value = "slow" });
        container.EnvFrom =
        [
            new EnvFromSource { Prefix = "CFG_", ConfigMapRef = new ConfigMapEnvSource { Name = "settings" } },
            new EnvFromSource { SecretRef = new SecretEnvSource { Name = "creds" } },
            new EnvFromSource { ConfigMapRef = new ConfigMapEnvSource { Name = "absent", Optional = true } },
        ];

        var (launch, error) = Build(container);

        Assert.Null(error);
        Assert.Equal(
            [KeyValuePair.Create("CFG_mode", "fast"), KeyValuePair.Create("CFG_level", "3"), KeyValuePair.Create("password", "s3cret"), KeyValuePair.Create("CFG_mode", "slow")],
            launch!.Env);
    }

    [Fact]
    public void Build_expands_references_in_literal_env_values_to_earlier_variables_and_in_command_and_args_to_all()
    {
        var container = WithEnv(
            new EnvVar { Name = "URL", Value = "$(CFG_mode)://$(HOST)" },
            new EnvVar { Name = "HOST", Value = "db" },
            new EnvVar { Name = "FROM_FIELD", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } } },
            new EnvVar { Name = "AGAIN", Value = "$(HOST)/$(FROM_FIELD)/$$(HOST)" });
        container.EnvFrom = [new EnvFromSource { Prefix = "CFG_", ConfigMapRef = new ConfigMapEnvSource { Name = "settings" } }];
        container.Command = ["sh", "-c", "echo $(URL) $(UNDEFINED)"];
        container.Args = ["$(AGAIN)", "$$(HOST)"];

        var (launch, error) = Build(container);

        Assert.Null(error);
        Assert.Equal("fast://$(HOST)", launch!.Env.Single(e => e.Key == "URL").Value);
        Assert.Equal("db/web/$(HOST)", launch.Env.Single(e => e.Key == "AGAIN").Value);
        Assert.Equal(["sh", "-c", "echo fast://$(HOST) $(UNDEFINED)"], launch.Command);
        Assert.Equal(["db/web/$(HOST)", "$(HOST)"], launch.Args);
    }

    [Theory]
    [InlineData(false, "configmap \"absent\" not found")]
    [InlineData(true, "secret \"absent\" not found")]
    public void Build_refuses_envFrom_a_missing_source(bool secret, string error)
    {
        var container = WithEnv();
        container.EnvFrom = [secret
            ? new EnvFromSource { SecretRef = new SecretEnvSource { Name = "absent" } }
            : new EnvFromSource { ConfigMapRef = new ConfigMapEnvSource { Name = "absent" } }];

        Assert.Equal((null, error), Build(container));
    }

    public static TheoryData<string, Volume, SpecMount, string, bool> MountCases => new()
    {
        { "emptyDir under the pod's volume directory", new Volume { Name = "scratch", EmptyDir = new() }, new SpecMount { Name = "scratch", MountPath = "/tmp/s" }, VolumeDirectory + "/scratch", false },
        { "emptyDir mounted read-only", new Volume { Name = "scratch", EmptyDir = new() }, new SpecMount { Name = "scratch", MountPath = "/tmp/s", ReadOnly = true }, VolumeDirectory + "/scratch", true },
        { "emptyDir subPath", new Volume { Name = "scratch", EmptyDir = new() }, new SpecMount { Name = "scratch", MountPath = "/tmp/s", SubPath = "a/b" }, VolumeDirectory + "/scratch/a/b", false },
        { "hostPath as it is", new Volume { Name = "logs", HostPath = new() { Path = "/var/log" } }, new SpecMount { Name = "logs", MountPath = "/logs" }, "/var/log", false },
        { "ConfigMap volume read-only", new Volume { Name = "cfg", ConfigMap = new() { Name = "settings" } }, new SpecMount { Name = "cfg", MountPath = "/etc/cfg" }, VolumeDirectory + "/cfg", true },
        { "Secret volume read-only", new Volume { Name = "sec", Secret = new() { SecretName = "creds" } }, new SpecMount { Name = "sec", MountPath = "/etc/sec" }, VolumeDirectory + "/sec", true },
    };

    [Theory]
    [MemberData(nameof(MountCases))]
    public void Build_mounts_a_volume_from_the_host(string scenario, Volume volume, SpecMount mount, string hostPath, bool readOnly)
    {
        var container = WithEnv();
        container.VolumeMounts = [mount];

        var (launch, error) = Build(container, volume);

        Assert.True(error is null, $"{scenario}: {error}");
        Assert.Equal([new HostMount(hostPath, mount.MountPath!, readOnly)], launch!.Mounts);
    }

    [Fact]
    public void Build_refuses_a_mount_of_an_unknown_volume()
    {
        var container = WithEnv();
        container.VolumeMounts = [new SpecMount { Name = "nowhere", MountPath = "/x" }];

        Assert.Equal((null, "volume \"nowhere\" not found in the pod's volumes"), Build(container));
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("../other-pod")]
    [InlineData("a/../../b")]
    public void Build_refuses_a_subPath_leaving_its_volume(string subPath)
    {
        var container = WithEnv();
        container.VolumeMounts = [new SpecMount { Name = "scratch", MountPath = "/x", SubPath = subPath }];

        var (launch, error) = Build(container, new Volume { Name = "scratch", EmptyDir = new() });

        Assert.Null(launch);
        Assert.Equal($"subPath \"{subPath}\" of volume mount \"scratch\" must be a relative path within the volume", error);
    }

    [Fact]
    public void Build_carries_limits_ports_command_stdio_and_attempt()
    {
        var container = WithEnv();
        container.Command = ["sh", "-c"];
        container.Args = ["sleep 1"];
        container.WorkingDir = "/work";
        container.Stdin = true;
        container.Tty = true;
        container.Ports = [new ContainerPort { Port = 8080 }, new ContainerPort()];
        container.Resources = new ResourceRequirements
        {
            Limits = new() { ["cpu"] = Quantity.Parse("500m"), ["memory"] = Quantity.Parse("128Mi") },
        };

        var launch = Build(container).Launch!;

        Assert.Equal(500, launch.CpuLimitMilli);
        Assert.Equal(128L * 1024 * 1024, launch.MemoryLimitBytes);
        Assert.Equal([8080], launch.Ports);
        Assert.Equal(["sh", "-c"], launch.Command!);
        Assert.Equal(["sleep 1"], launch.Args!);
        Assert.Equal("/work", launch.WorkingDir);
        Assert.Equal(2, launch.Attempt);
        Assert.Equal(new ContainerStdio(Stdin: true, StdinOnce: false, Tty: true), launch.Stdio);
        Assert.Equal(("app", "actors/busybox:1"), (launch.Name, launch.Image));
    }

    [Fact]
    public void Build_without_limits_leaves_them_unset()
    {
        var launch = Build(WithEnv()).Launch!;

        Assert.Null(launch.CpuLimitMilli);
        Assert.Null(launch.MemoryLimitBytes);
    }

    [Theory]
    [InlineData("busybox", null, PullPolicy.Always)]
    [InlineData("busybox:latest", null, PullPolicy.Always)]
    [InlineData("registry:5000/team/app", null, PullPolicy.Always)]
    [InlineData("registry:5000/team/app:latest", null, PullPolicy.Always)]
    [InlineData("actors/busybox:1", null, PullPolicy.IfNotPresent)]
    [InlineData("registry:5000/team/app:v2", null, PullPolicy.IfNotPresent)]
    [InlineData("app@sha256:abc", null, PullPolicy.IfNotPresent)]
    [InlineData("busybox", "IfNotPresent", PullPolicy.IfNotPresent)]
    [InlineData("actors/busybox:1", "Always", PullPolicy.Always)]
    [InlineData("busybox:latest", "Never", PullPolicy.Never)]
    public void PullPolicyOf_defaults_as_Kubernetes_does(string image, string? policy, PullPolicy expected) =>
        Assert.Equal(expected, ContainerLaunchBuilder.PullPolicyOf(new Container { Image = image, ImagePullPolicy = policy }));
}
