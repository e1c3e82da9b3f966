using Actors.Grains.Controllers.Deployments;

namespace Actors.Grains.Tests.Controllers.Deployments;

[Trait("Category", "Unit")]
public sealed class RevisionStampTests
{
    public static TheoryData<string, string?, string?, long, string?, string?> Cases => new()
    {
        { "already the greatest: unchanged", "3", null, 3, null, null },
        { "greater than next (old sets deleted since): unchanged", "5", null, 3, null, null },
        { "rolled back to revision 1 of 2: takes 3, remembers 1", "1", null, 3, "3", "1" },
        { "rolled back again: history grows", "3", "1", 5, "5", "1,3" },
        { "no revision yet: stamped, no history", null, null, 1, "1", null },
        { "not a number: left alone", "abc", null, 4, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Restamp_TakesTheNextRevisionAndKeepsTheOldOne(string scenario, string? revision, string? history, long next, string? stampedRevision, string? stampedHistory)
    {
        var stamp = RevisionStamp.Restamp(revision, history, next);
        if (stampedRevision is null)
        {
            Assert.True(stamp is null, scenario);
            return;
        }
        Assert.True(stamp is not null, scenario);
        Assert.Equal(stampedRevision, stamp.Value.Revision);
        Assert.Equal(stampedHistory, stamp.Value.History);
    }

    [Fact]
    public void Restamp_DropsTheOldestHistoryPastTheLengthLimit()
    {
        // 400 revisions of 4 digits and a comma: 1999 characters, so appending one more must drop the first.
        var history = string.Join(",", Enumerable.Range(1000, 400));
        var stamp = RevisionStamp.Restamp("2000", history, 2001)!.Value;
        Assert.Equal("2001", stamp.Revision);
        Assert.True(stamp.History!.Length <= RevisionStamp.MaxHistoryLength);
        Assert.StartsWith("1001,", stamp.History);
        Assert.EndsWith(",1399,2000", stamp.History);
    }
}
