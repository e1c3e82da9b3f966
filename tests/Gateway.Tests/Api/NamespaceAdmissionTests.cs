using System.Text.Json.Nodes;
using Actors.Gateway.Api;
using Actors.Gateway.Errors;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class NamespaceAdmissionTests
{
    [Theory]
    [InlineData(null, 404, "namespaces \"team\" not found")]
    [InlineData("""{"metadata":{"name":"team"},"status":{"phase":"Active"}}""", 0, null)]
    [InlineData("""{"metadata":{"name":"team","deletionTimestamp":"2026-01-01T00:00:00Z"},"status":{"phase":"Terminating"}}""", 403, "deployments.apps \"web\" is forbidden: unable to create new content in namespace team because it is being terminated")]
    [InlineData("""{"metadata":{"name":"team"},"status":{"phase":"Terminating"}}""", 403, "deployments.apps \"web\" is forbidden: unable to create new content in namespace team because it is being terminated")]
    public void Refusal(string? ns, int code, string? message)
    {
        var refusal = NamespaceAdmission.Refusal("team", ns is null ? null : JsonNode.Parse(ns)!.AsObject(), new GroupResource("apps", "deployments"), "web");

        Assert.Equal(code, refusal is null ? 0 : KubeStatus.CodeOf(refusal));
        Assert.Equal(message, (string?)refusal?["message"]);
    }
}
