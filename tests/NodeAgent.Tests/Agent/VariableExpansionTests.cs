using Actors.NodeAgent.Agent;

namespace Actors.NodeAgent.Tests.Agent;

[Trait("Category", "Unit")]
public sealed class VariableExpansionTests
{
    private static readonly Dictionary<string, string> Variables = new() { ["HOST"] = "db", ["PORT"] = "5432", ["EMPTY"] = "" };

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("$(HOST)", "db")]
    [InlineData("$(HOST):$(PORT)", "db:5432")]
    [InlineData("x$(EMPTY)y", "xy")]
    [InlineData("$(MISSING)", "$(MISSING)")]
    [InlineData("$$(HOST)", "$(HOST)")]
    [InlineData("$$$(HOST)", "$db")]
    [InlineData("$$", "$")]
    [InlineData("cost: $5", "cost: $5")]
    [InlineData("$HOST", "$HOST")]
    [InlineData("trailing $", "trailing $")]
    [InlineData("$(HOST", "$(HOST")]
    [InlineData("$()", "$()")]
    [InlineData("$(HOST$(PORT))", "$(HOST$(PORT))")]
    [InlineData("$($(HOST))", "$($(HOST))")]
    [InlineData("a$$b", "a$b")]
    public void References_are_replaced_escapes_undone_and_the_rest_kept(string input, string expected) =>
        Assert.Equal(expected, VariableExpansion.Expand(input, Variables));
}
