using System.Text.Json.Nodes;
using Actors.Gateway.Patching;
using Actors.Gateway.Protobuf;

namespace Actors.Gateway.Tests.Protobuf;

[Trait("Category", "Unit")]
public sealed class KubeProtobufDecoderTests
{
    [Fact]
    public void Decode_CreateNamespace_MatchesKubectlJson()
    {
        var raw = new ProtoBuilder()
            .Msg(1, ProtoBuilder.Meta("team-a"))
            .Msg(2, new ProtoBuilder())
            .Msg(3, new ProtoBuilder().Str(1, string.Empty));

        var result = KubeProtobufDecoder.Decode(ProtoBuilder.Envelope("v1", "Namespace", raw));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a"},"spec":{},"status":{}}""", result.Object.ToJsonString());
    }

    [Fact]
    public void Decode_CreateConfigMap_MatchesKubectlJson()
    {
        var raw = new ProtoBuilder().Msg(1, ProtoBuilder.Meta("cm1")).Entry(2, "a", "1");

        var result = KubeProtobufDecoder.Decode(ProtoBuilder.Envelope("v1", "ConfigMap", raw));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm1"},"data":{"a":"1"}}""", result.Object.ToJsonString());
    }

    [Fact]
    public void Decode_CreateSecret_Base64DataAndDropsEmptyType()
    {
        var raw = new ProtoBuilder()
            .Msg(1, ProtoBuilder.Meta("s1"))
            .Msg(2, new ProtoBuilder().Str(1, "p").Bytes(2, "q"u8.ToArray()))
            .Str(3, string.Empty);

        var result = KubeProtobufDecoder.Decode(ProtoBuilder.Envelope("v1", "Secret", raw));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s1"},"data":{"p":"cQ=="}}""", result.Object.ToJsonString());
    }

    [Fact]
    public void Decode_CreateDeployment_MatchesKubectlJson()
    {
        var container = new ProtoBuilder().Str(1, "httpd").Str(2, "httpd:2.4").Str(5, string.Empty).Msg(8, new ProtoBuilder())
            .Str(13, string.Empty).Str(14, string.Empty).Varint(16, 0).Varint(17, 0).Varint(18, 0).Str(20, string.Empty);
        var podSpec = new ProtoBuilder().Msg(2, container).Str(3, string.Empty).Str(6, string.Empty).Str(8, string.Empty)
            .Varint(11, 0).Str(19, string.Empty);
        var spec = new ProtoBuilder()
            .Varint(1, 2)
            .Msg(2, new ProtoBuilder().Entry(1, "app", "web"))
            .Msg(3, new ProtoBuilder().Msg(1, ProtoBuilder.Meta(string.Empty, ("app", "web"))).Msg(2, podSpec))
            .Msg(4, new ProtoBuilder().Str(1, string.Empty))
            .Varint(5, 0)
            .Varint(7, 0);
        var raw = new ProtoBuilder()
            .Msg(1, ProtoBuilder.Meta("web", ("app", "web")))
            .Msg(2, spec)
            .Msg(3, new ProtoBuilder().Varint(1, 0).Varint(2, 0));

        var result = KubeProtobufDecoder.Decode(ProtoBuilder.Envelope("apps/v1", "Deployment", raw));

        Assert.True(result.Succeeded, result.Error);
        var expected = JsonNode.Parse("""
            {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"replicas":2,
             "selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[
             {"name":"httpd","image":"httpd:2.4","resources":{}}]}},"strategy":{}},"status":{}}
            """);
        Assert.True(JsonEquality.Equal(expected, result.Object), result.Object.ToJsonString());
    }

    [Fact]
    public void Decode_CreateServiceClusterIp_MatchesKubectlJson()
    {
        var port = new ProtoBuilder().Str(1, "80-8080").Str(2, "TCP").Varint(3, 80)
            .Msg(4, new ProtoBuilder().Varint(1, 0).Varint(2, 8080).Str(3, string.Empty)).Varint(5, 0);
        var spec = new ProtoBuilder().Msg(1, port).Entry(2, "app", "svc1").Str(3, string.Empty).Str(4, "ClusterIP")
            .Str(7, string.Empty).Varint(12, 0).Varint(13, 0);
        var raw = new ProtoBuilder().Msg(1, ProtoBuilder.Meta("svc1", ("app", "svc1"))).Msg(2, spec)
            .Msg(3, new ProtoBuilder().Msg(1, new ProtoBuilder()));

        var result = KubeProtobufDecoder.Decode(ProtoBuilder.Envelope("v1", "Service", raw));

        Assert.True(result.Succeeded, result.Error);
        var expected = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"svc1","labels":{"app":"svc1"}},
             "spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080}],"selector":{"app":"svc1"},"type":"ClusterIP"},
             "status":{"loadBalancer":{}}}
            """);
        Assert.True(JsonEquality.Equal(expected, result.Object), result.Object.ToJsonString());
    }

    [Fact]
    public void Decode_DrainDeleteOptions_KeepsPointerZero()
    {
        var result = KubeProtobufDecoder.Decode(ProtoBuilder.Envelope("v1", "DeleteOptions", new ProtoBuilder().Varint(1, 0)));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("""{"apiVersion":"v1","kind":"DeleteOptions","gracePeriodSeconds":0}""", result.Object.ToJsonString());
    }

    [Fact]
    public void Decode_AuthCanI_MatchesKubectlJson()
    {
        var attributes = new ProtoBuilder().Str(1, "default").Str(2, "list").Str(3, string.Empty).Str(4, string.Empty)
            .Str(5, "pods").Str(6, string.Empty).Str(7, string.Empty);
        var raw = new ProtoBuilder().Msg(1, new ProtoBuilder()).Msg(2, new ProtoBuilder().Msg(1, attributes))
            .Msg(3, new ProtoBuilder().Varint(1, 0).Str(2, string.Empty).Str(3, string.Empty).Varint(4, 0));

        var result = KubeProtobufDecoder.Decode(ProtoBuilder.Envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview", raw));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            """{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","metadata":{},"spec":{"resourceAttributes":{"namespace":"default","verb":"list","resource":"pods"}},"status":{}}""",
            result.Object.ToJsonString());
    }

    [Fact]
    public void Decode_TranscodesSpecialTypes()
    {
        var probe = new ProtoBuilder().Msg(1, new ProtoBuilder().Msg(2, new ProtoBuilder().Str(1, "/healthz")
            .Msg(2, new ProtoBuilder().Varint(1, 1).Str(3, "http")))).Varint(4, 10);
        var container = new ProtoBuilder().Str(1, "app").Msg(10, probe)
            .Msg(8, new ProtoBuilder().Msg(1, new ProtoBuilder().Str(1, "cpu").Msg(2, new ProtoBuilder().Str(1, "500m"))))
            .Msg(7, new ProtoBuilder().Str(1, "CM").Msg(3, new ProtoBuilder().Msg(3, new ProtoBuilder().Msg(1, new ProtoBuilder().Str(1, "cfg")).Str(2, "k"))));
        var podSpec = new ProtoBuilder().Msg(2, container)
            .Msg(1, new ProtoBuilder().Str(1, "data").Msg(2, new ProtoBuilder().Msg(2, new ProtoBuilder().Str(1, string.Empty))))
            .Msg(14, new ProtoBuilder().Bytes(4, [0x01, 0x02]))
            .Varint(25, 0)
            .Varint(30, 1);
        var meta = ProtoBuilder.Meta("p").Str(99, "future field").Varint(100, 7)
            .Msg(9, new ProtoBuilder().Varint(1, 1_700_000_000).Varint(2, 5));
        var raw = new ProtoBuilder().Msg(1, meta).Msg(2, podSpec).Msg(3, new ProtoBuilder());

        var result = KubeProtobufDecoder.Decode(ProtoBuilder.Envelope("v1", "Pod", raw));

        Assert.True(result.Succeeded, result.Error);
        var expected = JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","deletionTimestamp":"2023-11-14T22:13:20Z"},
             "spec":{"containers":[{"name":"app","livenessProbe":{"httpGet":{"path":"/healthz","port":"http"},"periodSeconds":10},
               "resources":{"limits":{"cpu":"500m"}},"env":[{"name":"CM","valueFrom":{"configMapKeyRef":{"name":"cfg","key":"k"}}}]}],
               "volumes":[{"name":"data","emptyDir":{}}],"securityContext":{"supplementalGroups":[1,2]},"priority":0,"enableServiceLinks":true},
             "status":{}}
            """);
        Assert.True(JsonEquality.Equal(expected, result.Object), result.Object.ToJsonString());
    }

    public static TheoryData<string, byte[]> MalformedBodies => new()
    {
        { "no magic", new ProtoBuilder().Str(1, "x").ToArray() },
        { "empty", [] },
        { "truncated", ProtoBuilder.Envelope("v1", "ConfigMap", new ProtoBuilder().Msg(1, ProtoBuilder.Meta("cm1")))[..^3] },
        { "wrong wire type", ProtoBuilder.Envelope("v1", "ConfigMap", new ProtoBuilder().Varint(1, 5)) },
        { "no kind", [.. "k8s\0"u8.ToArray(), .. new ProtoBuilder().Msg(2, new ProtoBuilder()).ToArray()] },
        { "garbage", [.. "k8s\0"u8.ToArray(), 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public void Decode_MalformedBody_IsAnError(string name, byte[] body)
    {
        var result = KubeProtobufDecoder.Decode(body);

        Assert.False(result.Succeeded, name);
        Assert.False(result.Unsupported, name);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public void Decode_UnservedKind_IsUnsupported()
    {
        var result = KubeProtobufDecoder.Decode(ProtoBuilder.Envelope("batch/v1", "Job", new ProtoBuilder()));

        Assert.False(result.Succeeded);
        Assert.True(result.Unsupported);
        Assert.Contains("Job", result.Error, StringComparison.Ordinal);
    }
}
