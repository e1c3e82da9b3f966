using System.Text;
using Actors.Grains.Abstractions.Defaulting;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Tests.Defaulting;

[Trait("Category", "Unit")]
public sealed class DefaulterTests
{
    [Theory]
    [InlineData("nginx", "Always")]
    [InlineData("nginx:latest", "Always")]
    [InlineData("nginx:1.19", "IfNotPresent")]
    [InlineData("registry:5000/team/nginx", "Always")]
    [InlineData("registry:5000/team/nginx:v2", "IfNotPresent")]
    [InlineData("nginx@sha256:abcd", "IfNotPresent")]
    public void ImagePullPolicy_FollowsTheTag(string image, string expected) =>
        Assert.Equal(expected, Defaulter.ImagePullPolicyFor(image));

    [Fact]
    public void Deployment_GetsKubernetesDefaults_AndTheInputIsUnchanged()
    {
        var input = KubernetesJson.Deserialize<Deployment>("""{"metadata":{"name":"nginx"},"spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.19","ports":[{"containerPort":80}]}]}}}}""");
        var before = KubernetesJson.Serialize(input);

        var d = Defaulter.Apply(input);

        Assert.Equal(before, KubernetesJson.Serialize(input));
        Assert.Equal(1, d.Spec!.Replicas);
        Assert.Equal(10, d.Spec.RevisionHistoryLimit);
        Assert.Equal(600, d.Spec.ProgressDeadlineSeconds);
        Assert.Equal("RollingUpdate", d.Spec.Strategy!.Type);
        Assert.Equal(new IntOrString("25%"), d.Spec.Strategy.RollingUpdate!.MaxSurge);
        Assert.Equal(new IntOrString("25%"), d.Spec.Strategy.RollingUpdate.MaxUnavailable);
        var spec = d.Spec.Template!.Spec!;
        Assert.Equal("Always", spec.RestartPolicy);
        Assert.Equal("ClusterFirst", spec.DnsPolicy);
        Assert.Equal("default-scheduler", spec.SchedulerName);
        Assert.Equal(30, spec.TerminationGracePeriodSeconds);
        Assert.NotNull(spec.SecurityContext);
        Assert.Null(spec.ServiceAccountName);
        var c = spec.Containers![0];
        Assert.Equal("IfNotPresent", c.ImagePullPolicy);
        Assert.Equal("/dev/termination-log", c.TerminationMessagePath);
        Assert.Equal("File", c.TerminationMessagePolicy);
        Assert.NotNull(c.Resources);
        Assert.Equal("TCP", c.Ports![0].Protocol);
    }

    [Fact]
    public void Deployment_RecreateGetsNoRollingUpdate_AndSetValuesAreKept()
    {
        var d = Defaulter.Default(new Deployment { Spec = new DeploymentSpec { Replicas = 0, Strategy = new DeploymentStrategy { Type = "Recreate" } } });

        Assert.Equal(0, d.Spec!.Replicas);
        Assert.Null(d.Spec.Strategy!.RollingUpdate);
    }

    [Fact]
    public void Pod_GetsPodOnlyDefaults()
    {
        var pod = Defaulter.Apply(new Pod { Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "busybox", LivenessProbe = new Probe { HttpGet = new HttpGetAction { Port = 80 } } }] } });

        Assert.Equal("default", pod.Spec!.ServiceAccountName);
        Assert.Equal("default", pod.Spec.ServiceAccount);
        Assert.True(pod.Spec.EnableServiceLinks);
        Assert.Equal(0, pod.Spec.Priority);
        Assert.Equal("Always", pod.Spec.Containers![0].ImagePullPolicy);
        var probe = pod.Spec.Containers[0].LivenessProbe!;
        Assert.Equal((1, 10, 1, 3), (probe.TimeoutSeconds, probe.PeriodSeconds, probe.SuccessThreshold, probe.FailureThreshold));
        Assert.Equal(("/", "HTTP"), (probe.HttpGet!.Path, probe.HttpGet.Scheme));
    }

    [Theory]
    [InlineData("""{"port":80}""", "80")]
    [InlineData("""{"port":80,"targetPort":0}""", "80")]
    [InlineData("""{"port":80,"targetPort":""}""", "80")]
    [InlineData("""{"port":80,"targetPort":"http"}""", "http")]
    [InlineData("""{"port":80,"targetPort":8080}""", "8080")]
    public void Service_TargetPortDefaultsToPort(string port, string expected)
    {
        var service = Defaulter.Default(KubernetesJson.Deserialize<Service>("""{"spec":{"ports":[""" + port + "]}}"));

        Assert.Equal(expected, service.Spec!.Ports![0].TargetPort!.Value.StringValue);
        Assert.Equal("TCP", service.Spec.Ports[0].Protocol);
        Assert.Equal("ClusterIP", service.Spec.Type);
        Assert.Equal("None", service.Spec.SessionAffinity);
        Assert.NotNull(service.Status!.LoadBalancer);
    }

    [Fact]
    public void Secret_MergesStringDataIntoData()
    {
        var secret = Defaulter.Default(new Secret { Data = new() { ["a"] = [1] }, StringData = new() { ["b"] = "hello" } });

        Assert.Equal("Opaque", secret.Type);
        Assert.Null(secret.StringData);
        Assert.Equal("hello", Encoding.UTF8.GetString(secret.Data!["b"]));
        Assert.Equal([1], secret.Data["a"]);
    }

    [Fact]
    public void Namespace_GetsFinalizerPhaseAndNameLabel()
    {
        var ns = Defaulter.Apply(new Namespace { Metadata = new ObjectMeta { Name = "team" } });

        Assert.Equal(["kubernetes"], ns.Spec!.Finalizers!);
        Assert.Equal("Active", ns.Status!.Phase);
        Assert.Equal("team", ns.Meta.Labels!["kubernetes.io/metadata.name"]);
    }

    [Fact]
    public void ReplicaSet_GetsReplicasAndTemplateDefaults()
    {
        var rs = Defaulter.Apply(new ReplicaSet { Spec = new ReplicaSetSpec { Template = new PodTemplateSpec { Spec = new PodSpec { Containers = [new Container { Name = "c", Image = "x:1" }] } } } });

        Assert.Equal(1, rs.Spec!.Replicas);
        Assert.Equal("Always", rs.Spec.Template!.Spec!.RestartPolicy);
    }
}
