using Actors.Grains.Abstractions.Resources;
using Actors.Grains.Abstractions.Selectors;

namespace Actors.Grains.Abstractions.Tests.Selectors;

[Trait("Category", "Unit")]
public sealed class LabelMatcherTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    [InlineData("a==b", "a=b")]
    [InlineData("c!=d,a=b", "a=b,c!=d")]
    [InlineData("e in (y,x)", "e in (x,y)")]
    [InlineData("f notin (z)", "f notin (z)")]
    [InlineData("g", "g")]
    [InlineData("!h", "!h")]
    [InlineData("a=b,c!=d,e in (x,y),f notin (z),g,!h", "a=b,c!=d,e in (x,y),f notin (z),g,!h")]
    [InlineData(" app = nginx , tier in ( web , api ) ", "app=nginx,tier in (api,web)")]
    [InlineData("a=", "a=")]
    [InlineData("example.com/role=db", "example.com/role=db")]
    [InlineData("n>5", "n>5")]
    public void Parse_PrintsCanonically(string selector, string printed) =>
        Assert.Equal(printed, LabelMatcher.Parse(selector).ToString());

    [Theory]
    [InlineData("app=nginx", true)]
    [InlineData("app!=nginx", false)]
    [InlineData("app in (nginx,redis)", true)]
    [InlineData("app notin (nginx)", false)]
    [InlineData("missing notin (x)", true)]
    [InlineData("missing!=x", true)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("!missing", true)]
    [InlineData("app=nginx,tier=web", true)]
    [InlineData("app=nginx,tier=db", false)]
    [InlineData("n>5", true)]
    [InlineData("n<5", false)]
    [InlineData("", true)]
    public void Matches_FollowsKubernetesSemantics(string selector, bool expected)
    {
        var labels = new Dictionary<string, string> { ["app"] = "nginx", ["tier"] = "web", ["n"] = "7" };

        Assert.Equal(expected, LabelMatcher.Parse(selector).Matches(labels));
    }

    [Theory]
    [InlineData("a in b", "expected: '('")]
    [InlineData("a in (b", "expected: ',' or ')'")]
    [InlineData("a in (", "expected: identifier or ')'")]
    [InlineData("=b", "expected: !, identifier")]
    [InlineData("a b", "expected: in, notin, =, ==, !=, gt, lt")]
    [InlineData("a=b c", "expected: ',' or 'end of string'")]
    [InlineData("a,", "expected: !, identifier")]
    [InlineData("Bad Key=x", "expected: in, notin")]
    [InlineData("bad_key_/x=y", "invalid label key")]
    [InlineData("a=b$", "invalid label value")]
    [InlineData("a in ()", "values set can't be empty")]
    [InlineData("n>x", "exactly one integer value")]
    public void Parse_RejectsBadSelectors_WithAMessage(string selector, string message)
    {
        var ok = LabelMatcher.TryParse(selector, out _, out var error);

        Assert.False(ok);
        Assert.Contains(message, error);
    }

    [Fact]
    public void FromLabelSelector_CombinesMatchLabelsAndExpressions()
    {
        var selector = new LabelSelector
        {
            MatchLabels = new() { ["app"] = "nginx" },
            MatchExpressions = [new LabelSelectorRequirement { Key = "tier", Operator = "In", Values = ["web", "api"] }, new LabelSelectorRequirement { Key = "canary", Operator = "DoesNotExist" }],
        };

        var matcher = LabelMatcher.FromLabelSelector(selector);

        Assert.Equal("app=nginx,!canary,tier in (api,web)", matcher.ToString());
        Assert.True(matcher.Matches(new Dictionary<string, string> { ["app"] = "nginx", ["tier"] = "api" }));
        Assert.False(matcher.Matches(new Dictionary<string, string> { ["app"] = "nginx", ["tier"] = "api", ["canary"] = "1" }));
    }

    [Fact]
    public void FromLabelSelector_NullMatchesNothingAndEmptyMatchesEverything()
    {
        Assert.False(LabelMatcher.FromLabelSelector(null).Matches(new Dictionary<string, string>()));
        Assert.True(LabelMatcher.FromLabelSelector(new LabelSelector()).Matches(new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData("Equals", null, "is not a valid label selector operator")]
    [InlineData("In", null, "values set can't be empty")]
    [InlineData("Exists", "x", "values set must be empty")]
    public void FromLabelSelector_RejectsBadExpressions(string op, string? value, string message)
    {
        var selector = new LabelSelector { MatchExpressions = [new LabelSelectorRequirement { Key = "k", Operator = op, Values = value is null ? null : [value] }] };

        var error = Assert.Throws<LabelSelectorParseException>(() => LabelMatcher.FromLabelSelector(selector));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void FromNodeSelectorRequirements_SupportsGtAndLt()
    {
        var matcher = LabelMatcher.FromNodeSelectorRequirements([new NodeSelectorRequirement { Key = "cores", Operator = "Gt", Values = ["2"] }]);

        Assert.True(matcher.Matches(new Dictionary<string, string> { ["cores"] = "4" }));
        Assert.False(matcher.Matches(new Dictionary<string, string> { ["cores"] = "2" }));
    }
}
