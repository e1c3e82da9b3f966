using System.Text.Json.Nodes;
using Actors.Gateway.Patching;

namespace Actors.Gateway.Tests.Patching;

[Trait("Category", "Unit")]
public sealed class JsonMergePatchTests
{
    // RFC 7386 Appendix A, then the bodies kubectl scale and label send.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    [InlineData("""{"spec":{"replicas":1,"paused":false}}""", """{"spec":{"replicas":4}}""", """{"spec":{"replicas":4,"paused":false}}""")]
    [InlineData("""{"metadata":{"name":"nginx","labels":{"app":"nginx"}}}""", """{"metadata":{"labels":{"tier":"web"}}}""", """{"metadata":{"name":"nginx","labels":{"app":"nginx","tier":"web"}}}""")]
    [InlineData("""{"metadata":{"labels":{"app":"nginx","tier":"web"}}}""", """{"metadata":{"labels":{"tier":null}}}""", """{"metadata":{"labels":{"app":"nginx"}}}""")]
    public void Apply_MatchesRfc7386(string target, string patch, string expected)
    {
        var targetNode = JsonNode.Parse(target);
        var before = targetNode?.ToJsonString();

        var result = JsonMergePatch.Apply(targetNode, JsonNode.Parse(patch));

        Assert.True(JsonEquality.Equal(JsonNode.Parse(expected), result), $"got {result?.ToJsonString() ?? "null"}");
        Assert.Equal(before, targetNode?.ToJsonString());
    }
}
