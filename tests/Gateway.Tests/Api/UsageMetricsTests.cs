using System.Text.Json.Nodes;
using Actors.Gateway.Api;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class UsageMetricsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0L, 0L, "0", "0")]
    [InlineData(402_661_773L, 724_992L, "402661773n", "708Ki")]
    [InlineData(1_000_000_000L, 1_048_576L, "1", "1Mi")]
    [InlineData(2_500_000L, 1023L, "2500u", "1023")]
    public void Usage_is_cores_and_bytes_as_Kubernetes_prints_quantities(long cpuNanoCores, long memoryBytes, string cpu, string memory)
    {
        var usage = UsageMetrics.Usage(cpuNanoCores, memoryBytes);

        Assert.Equal(cpu, usage["cpu"].ToString());
        Assert.Equal(memory, usage["memory"].ToString());
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1004, "1.004s")]
    [InlineData(15000, "15s")]
    [InlineData(-5, "0s")]
    public void The_window_is_a_Go_duration(int milliseconds, string expected) =>
        Assert.Equal(expected, UsageMetrics.Window(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void A_pod_s_metrics_carry_its_name_namespace_labels_and_each_container()
    {
        var pod = JsonNode.Parse("""{"metadata": {"name": "web-1", "namespace": "shop", "labels": {"app": "web"}, "uid": "u"}}""")!.AsObject();
        var report = new PodUsageReport("shop", "web-1", At, TimeSpan.FromSeconds(1), [new ContainerUsageReport("web", 5_000_000, 2048), new ContainerUsageReport("log", 0, 0)]);

        var json = KubernetesJson.SerializeToNode(UsageMetrics.Pod(pod, report));

        Assert.Equal("metrics.k8s.io/v1beta1", (string?)json["apiVersion"]);
        Assert.Equal("PodMetrics", (string?)json["kind"]);
        Assert.Equal("web-1", (string?)json["metadata"]!["name"]);
        Assert.Equal("shop", (string?)json["metadata"]!["namespace"]);
        Assert.Equal("web", (string?)json["metadata"]!["labels"]!["app"]);
        Assert.Null(json["metadata"]!["uid"]);
        Assert.Equal("1s", (string?)json["window"]);
        Assert.Equal("5m", (string?)json["containers"]![0]!["usage"]!["cpu"]);
        Assert.Equal("2Ki", (string?)json["containers"]![0]!["usage"]!["memory"]);
        Assert.Equal("log", (string?)json["containers"]![1]!["name"]);
    }
}
