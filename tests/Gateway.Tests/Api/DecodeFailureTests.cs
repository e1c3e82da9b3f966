using System.Text.Json.Nodes;
using Actors.Gateway.Api;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class DecodeFailureTests
{
    [Theory]
    [InlineData("""{"spec":{"replicas":"three"}}""", "json: cannot unmarshal string into Go struct field spec.replicas of type int32")]
    [InlineData("""{"metadata":{"name":5}}""", "json: cannot unmarshal number into Go struct field metadata.name of type string")]
    [InlineData("""{"metadata":{"labels":{"app":true}}}""", "json: cannot unmarshal bool into Go struct field metadata.labels.app of type string")]
    [InlineData("""{"metadata":{"labels":["a"]}}""", "json: cannot unmarshal array into Go struct field metadata.labels of type map[string]string")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"c","ports":[{"containerPort":"80"}]}]}}}}""", "json: cannot unmarshal string into Go struct field spec.template.spec.containers[0].ports[0].containerPort of type int32")]
    public void Type_errors_name_the_field_what_was_sent_and_what_was_expected(string body, string reason)
    {
        var kind = KindRegistry.Deployments;
        AssertReason(kind, body, reason);
    }

    [Fact]
    public void Secret_data_that_is_not_base64_says_so() =>
        AssertReason(KindRegistry.Secrets, """{"data":{"a":"not base64!!"}}""", "illegal base64 data in field data.a");

    private static void AssertReason(ResourceKind kind, string body, string reason)
    {
        var obj = JsonNode.Parse(body)!.AsObject();
        var error = Assert.ThrowsAny<Exception>(() => KubernetesJson.Deserialize(obj.ToJsonString(), kind.ClrType));

        Assert.Equal(reason, DecodeFailure.Reason(obj, error));
        Assert.Equal($"{kind.Kind} in version \"v1\" cannot be handled as a {kind.Kind}: {reason}", (string?)DecodeFailure.Status(kind, obj, error)["message"]);
        Assert.Equal(400, KubeStatus.CodeOf(DecodeFailure.Status(kind, obj, error)));
    }
}
