using System.Text.Json.Nodes;
using Actors.Gateway.Api;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class FieldValidationTests
{
    private const string Typo = """{"metadata":{"name":"web","labels":{"any-key":"v"}},"spec":{"replica":2,"template":{"spec":{"containers":[{"name":"c","imagePulPolicy":"Always"}]}}}}""";

    [Theory]
    [InlineData(null, "Warn")]
    [InlineData("", "Warn")]
    [InlineData("Strict", "Strict")]
    [InlineData("Ignore", "Ignore")]
    public void Directive_defaults_to_Warn(string? query, string expected) => Assert.Equal(expected, FieldValidation.Directive(query));

    [Fact]
    public void Unsupported_directive_is_400() =>
        Assert.Equal(400, Assert.Throws<KubeStatusException>(() => FieldValidation.Directive("strict")).Code);

    [Theory]
    [InlineData("Warn", new[] { "unknown field \"spec.replica\"", "unknown field \"spec.template.spec.containers[0].imagePulPolicy\"" })]
    [InlineData("Ignore", new string[0])]
    public void Warn_names_each_unknown_field_and_Ignore_none(string directive, string[] warnings) =>
        Assert.Equal(warnings, FieldValidation.Check(KindRegistry.Deployments, JsonNode.Parse(Typo)!.AsObject(), directive));

    [Fact]
    public void Real_Kubernetes_fields_the_model_only_keeps_pass_Strict()
    {
        var manifest = """{"metadata":{"name":"web"},"spec":{"template":{"spec":{"topologySpreadConstraints":[{"maxSkew":1}],"securityContext":{"seccompProfile":{"type":"RuntimeDefault"}},"containers":[{"name":"c","lifecycle":{"preStop":{"exec":{"command":["sleep","5"]}}},"readinessProbe":{"grpc":{"port":9}}}]}}}}""";

        Assert.Empty(FieldValidation.Check(KindRegistry.Deployments, JsonNode.Parse(manifest)!.AsObject(), "Strict"));
    }

    [Fact]
    public void Strict_refuses_naming_every_unknown_field()
    {
        var e = Assert.Throws<KubeStatusException>(() => FieldValidation.Check(KindRegistry.Deployments, JsonNode.Parse(Typo)!.AsObject(), "Strict"));

        Assert.Equal(400, e.Code);
        Assert.Equal(
            "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.replica\", unknown field \"spec.template.spec.containers[0].imagePulPolicy\"",
            (string?)e.Status["message"]);
    }

    [Fact]
    public void Strict_merge_patch_is_422_on_the_field_patch_and_directives_are_not_fields()
    {
        var patch = """{"spec":{"$retainKeys":["replicas"],"replica":2,"template":{"spec":{"$setElementOrder/containers":[{"name":"c"}],"containers":[{"name":"c","image":"x"}]}}}}"""u8.ToArray();

        var e = Assert.Throws<KubeStatusException>(() => FieldValidation.CheckPatch(KindRegistry.Deployments, "web", "application/strategic-merge-patch+json", patch, "Strict"));

        Assert.Equal(422, e.Code);
        Assert.Equal("patch", (string?)e.Status["details"]!["causes"]![0]!["field"]);
        Assert.EndsWith("strict decoding error: unknown field \"spec.replica\"", (string?)e.Status["details"]!["causes"]![0]!["message"]);
        Assert.StartsWith("Deployment.apps \"web\" is invalid: patch: Invalid value: ", (string?)e.Status["message"]);
    }

    [Theory]
    [InlineData("application/json-patch+json", """[{"op":"add","path":"/spec/replica","value":2}]""")]
    [InlineData("application/merge-patch+json", """{"spec":{"replicas":2}}""")]
    public void Patches_without_unknown_fields_pass_Strict(string mediaType, string patch) =>
        Assert.Empty(FieldValidation.CheckPatch(KindRegistry.Deployments, "web", mediaType, System.Text.Encoding.UTF8.GetBytes(patch), "Strict"));
}
