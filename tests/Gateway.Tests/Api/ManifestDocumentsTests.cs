using System.Text;
using System.Text.Json.Nodes;
using Actors.Gateway.Api;
using Actors.Gateway.Errors;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class ManifestDocumentsTests
{
    private const string Yaml = "application/yaml";

    [Theory]
    [InlineData(Yaml, "kind: A\n---\nkind: B\n", "A,B")]
    [InlineData(Yaml, "---\nkind: A\n---\n---\n# a comment\n---\nkind: B\n---\n", "A,B")]
    [InlineData(Yaml, "kind: A\n---\nkind: List\nitems:\n- kind: B\n- kind: C\n---\nkind: D\n", "A,B,C,D")]
    [InlineData(Yaml, "kind: ConfigMapList\nitems: [{kind: B}]\n", "B")]
    [InlineData(Yaml, "kind: List\n", "List")]
    [InlineData("application/json", """{"kind":"List","items":[{"kind":"A"},{"kind":"B"}]}""", "A,B")]
    [InlineData("application/json", """{"kind":"A"}""", "A")]
    [InlineData(ManifestDocuments.FormUrlEncoded, """{"kind":"A"}""", "A")]
    [InlineData("text/plain", "kind: A\n", "A")]
    public void Objects_come_in_file_order_with_list_items_in_place_of_the_list(string mediaType, string body, string kinds)
    {
        var documents = ManifestDocuments.Parse(mediaType, Encoding.UTF8.GetBytes(body));

        Assert.Equal(kinds, string.Join(",", documents.Select(d => (string?)d!["kind"])));
    }

    [Fact]
    public void A_document_that_is_not_a_mapping_is_kept_to_fail_alone()
    {
        var documents = ManifestDocuments.Parse(Yaml, Encoding.UTF8.GetBytes("kind: A\n---\n- a list\n"));

        Assert.IsType<JsonArray>(documents[1]);
    }

    [Theory]
    [InlineData(Yaml, "", 400, "the request body is empty")]
    [InlineData(Yaml, " \n\t\r\n", 400, "the request body is empty")]
    [InlineData(Yaml, "---\n---\n", 400, "holds no objects")]
    [InlineData(Yaml, "# only a comment\n", 400, "holds no objects")]
    [InlineData(Yaml, "kind: A\n---\nmetadata: [broken\n", 400, "error converting YAML to JSON")]
    [InlineData("application/json", "{\"kind\":", 400, "not valid JSON")]
    [InlineData("application/json", "null", 400, "holds no objects")]
    [InlineData("application/vnd.kubernetes.protobuf", "k8s", 415, "accepted media types include: application/yaml")]
    public void An_unreadable_body_is_refused_whole(string mediaType, string body, int code, string messageNames)
    {
        var error = Assert.Throws<KubeStatusException>(() => ManifestDocuments.Parse(mediaType, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(code, error.Code);
        Assert.Contains(messageNames, error.Message);
    }

    [Fact]
    public void The_yaml_limits_hold_for_every_document_of_the_stream()
    {
        var deep = "kind: A\n---\ndata: " + new string('[', 100_000) + new string(']', 100_000);

        Assert.Contains("nesting deeper than 64 levels", Assert.Throws<KubeStatusException>(() => ManifestDocuments.Parse(Yaml, Encoding.UTF8.GetBytes(deep))).Message);
        Assert.Contains("excessive aliasing", Assert.Throws<KubeStatusException>(() => ManifestDocuments.Parse(Yaml, Encoding.UTF8.GetBytes("kind: A\n---\n" + BadInputTests.Laughs()))).Message);
    }
}
