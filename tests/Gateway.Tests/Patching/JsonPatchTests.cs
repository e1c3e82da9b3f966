using System.Text.Json.Nodes;
using Actors.Gateway.Patching;

namespace Actors.Gateway.Tests.Patching;

[Trait("Category", "Unit")]
public sealed class JsonPatchTests
{
    // RFC 6902 Appendix A examples plus the rollout undo and SSA-migration bodies kubectl sends.
    [Theory]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"baz":"qux","foo":"bar"}""")]
    [InlineData("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""")]
    [InlineData("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""")]
    [InlineData("""{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""", """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""", """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""")]
    [InlineData("""{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""", """{"foo":["all","cows","eat","grass"]}""")]
    [InlineData("""{"baz":"qux","foo":["a",2,"c"]}""", """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2.0}]""", """{"baz":"qux","foo":["a",2,"c"]}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""", """{"foo":"bar","child":{"grandchild":{}}}""")]
    [InlineData("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""", """{"foo":["bar",["abc","def"]]}""")]
    [InlineData("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":10},{"op":"replace","path":"/~1","value":11}]""", """{"/":11,"~1":10}""")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"copy","from":"/a","path":"/c"}]""", """{"a":{"b":1},"c":{"b":1}}""")]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"","value":[1]}]""", """[1]""")]
    [InlineData(
        """{"metadata":{"annotations":{"x":"1","deployment.kubernetes.io/revision":"2"}}}""",
        """[{"op":"replace","path":"/metadata/annotations","value":{"deployment.kubernetes.io/revision":"3"}}]""",
        """{"metadata":{"annotations":{"deployment.kubernetes.io/revision":"3"}}}""")]
    [InlineData(
        """{"metadata":{"resourceVersion":"7","managedFields":[{"manager":"kubectl-client-side-apply"}]}}""",
        """[{"op":"replace","path":"/metadata/managedFields","value":[{"manager":"kubectl","operation":"Apply"}]},{"op":"replace","path":"/metadata/resourceVersion","value":"7"}]""",
        """{"metadata":{"resourceVersion":"7","managedFields":[{"manager":"kubectl","operation":"Apply"}]}}""")]
    public void Apply_Succeeds(string document, string patch, string expected)
    {
        var doc = JsonNode.Parse(document);
        var before = doc!.ToJsonString();

        var result = JsonPatch.Apply(doc, JsonNode.Parse(patch));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(JsonEquality.Equal(JsonNode.Parse(expected), result.Document), $"got {result.Document?.ToJsonString()}");
        Assert.Equal(before, doc.ToJsonString());
    }

    [Theory]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]""", 0, "add", "/baz/bat")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"remove","path":"/nope"}]""", 0, "remove", "/nope")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/x","value":1},{"op":"replace","path":"/missing","value":1}]""", 1, "replace", "/missing")]
    [InlineData("""{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]""", 0, "test", "/baz")]
    [InlineData("""{"foo":["a"]}""", """[{"op":"add","path":"/foo/5","value":1}]""", 0, "add", "/foo/5")]
    [InlineData("""{"foo":["a"]}""", """[{"op":"remove","path":"/foo/01"}]""", 0, "remove", "/foo/01")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz"}]""", 0, "add", "/baz")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"frobnicate","path":"/foo"}]""", 0, "frobnicate", "/foo")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"move","from":"/nope","path":"/x"}]""", 0, "move", "/x")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"move","from":"/a","path":"/a/b/c"}]""", 0, "move", "/a/b/c")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"foo","value":1}]""", 0, "add", "foo")]
    public void Apply_FailureNamesOperationAndPath(string document, string patch, int index, string op, string path)
    {
        var doc = JsonNode.Parse(document);

        var result = JsonPatch.Apply(doc, JsonNode.Parse(patch));

        Assert.False(result.Succeeded);
        Assert.Equal(index, result.Error.OperationIndex);
        Assert.Equal(op, result.Error.Operation);
        Assert.Equal(path, result.Error.Path);
        Assert.Contains(path, result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(JsonNode.Parse(document)!.ToJsonString(), doc!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"op":"add"}""")]
    [InlineData("""[1]""")]
    [InlineData("""[{"path":"/a"}]""")]
    public void Apply_MalformedPatch_IsAnError(string patch)
    {
        var result = JsonPatch.Apply(JsonNode.Parse("{}"), JsonNode.Parse(patch));

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Error.Message);
    }
}
