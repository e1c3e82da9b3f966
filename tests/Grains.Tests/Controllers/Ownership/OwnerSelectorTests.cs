using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Ownership;

namespace Actors.Grains.Tests.Controllers.Ownership;

[Trait("Category", "Unit")]
public sealed class OwnerSelectorTests
{
    private static JsonObject Pod(string labels, string? controllerUid = null)
    {
        var pod = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "p", ["labels"] = JsonNode.Parse(labels) } };
        if (controllerUid is not null)
        {
            pod["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["uid"] = controllerUid, ["controller"] = true });
        }
        return pod;
    }

    public static TheoryData<string, string, string, bool> Matching => new()
    {
        { "matchLabels equal", """{"matchLabels":{"app":"web"}}""", """{"app":"web","x":"y"}""", true },
        { "matchLabels missing", """{"matchLabels":{"app":"web"}}""", """{}""", false },
        { "matchLabels other value", """{"matchLabels":{"app":"web"}}""", """{"app":"db"}""", false },
        { "matchExpressions In", """{"matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]}]}""", """{"tier":"b"}""", true },
        { "matchExpressions DoesNotExist", """{"matchExpressions":[{"key":"tier","operator":"DoesNotExist"}]}""", """{"tier":"b"}""", false },
    };

    [Theory]
    [MemberData(nameof(Matching))]
    public void Candidate_MatchesLabelsBySelector(string scenario, string selector, string labels, bool matches)
    {
        var candidate = OwnerSelector.Candidate(Pod(labels, "uid-1"), OwnerSelector.From(JsonNode.Parse(selector))!);
        Assert.True(matches == candidate.Matches, scenario);
        Assert.Equal("uid-1", candidate.ControllerUid);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"matchExpressions":[{"key":"tier","operator":"Near","values":["a"]}]}""")]
    [InlineData("\"app=web\"")]
    public void From_AnUnusableSelector_ClaimsNothing(string selector)
    {
        Assert.Null(OwnerSelector.From(JsonNode.Parse(selector)));
    }
}
