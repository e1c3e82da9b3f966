using System.Text.Json.Nodes;
using Actors.Gateway.Api;
using Actors.Gateway.Errors;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class ManifestObjectTests
{
    [Theory]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}""", "ConfigMap fallback/c", "fallback")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"own"}}""", "ConfigMap own/c", "own")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":""}}""", "ConfigMap fallback/c", "fallback")]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"}}""", "Deployment fallback/d", "fallback")]
    [InlineData("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"n"}}""", "Namespace -/n", null)]
    [InlineData("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"n","namespace":"stray"}}""", "Namespace -/n", null)]
    [InlineData("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"w1"}}""", "Node -/w1", null)]
    public void Namespaced_kinds_get_the_default_namespace_and_cluster_scoped_kinds_none(string document, string expected, string? configNamespace)
    {
        var manifest = ManifestObject.Resolve(JsonNode.Parse(document), "fallback");

        Assert.Equal(expected, $"{manifest.Target.Kind.Kind} {manifest.Target.Namespace ?? "-"}/{manifest.Name}");
        Assert.Equal(configNamespace, (string?)manifest.Config["metadata"]!["namespace"]);
        Assert.Null(manifest.Target.Subresource);
    }

    [Theory]
    [InlineData("""["not","an","object"]""", 400, "expected an object, got array")]
    [InlineData("""{"metadata":{"name":"c"}}""", 400, "apiVersion and kind are required")]
    [InlineData("""{"apiVersion":"v1","metadata":{"name":"c"}}""", 400, "apiVersion and kind are required")]
    [InlineData("""{"apiVersion":"v1","kind":5,"metadata":{"name":"c"}}""", 400, "Go struct field kind of type string")]
    [InlineData("""{"apiVersion":"apps/v2","kind":"Deployment","metadata":{"name":"d"}}""", 400, "no matches for kind \"Deployment\" in version \"apps/v2\"")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap"}""", 422, "metadata.name: Required value")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"c-"}}""", 422, "metadata.name: Required value")]
    [InlineData("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":5}}""", 400, "metadata.name of type string")]
    public void A_document_that_names_no_object_is_refused(string document, int code, string messageNames)
    {
        var error = Assert.Throws<KubeStatusException>(() => ManifestObject.Resolve(JsonNode.Parse(document), "default"));

        Assert.Equal(code, error.Code);
        Assert.Contains(messageNames, error.Message);
    }

    [Fact]
    public void The_config_is_a_copy_and_the_document_stays_as_sent()
    {
        var document = JsonNode.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}""")!;

        ManifestObject.Resolve(document, "default");

        Assert.Null(document["metadata"]!["namespace"]);
    }
}
