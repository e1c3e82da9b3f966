using Actors.Grains.Store;

namespace Actors.Grains.Tests.Store;

[Trait("Category", "Unit")]
public sealed class CompactionPolicyTests
{
    [Theory]
    // current, newest revision older than the retention duration, revisions kept, already compacted → target
    [InlineData(1000L, null, 100L, 0L, null)]
    [InlineData(1000L, 500L, 100L, 0L, 500L)]
    [InlineData(1000L, 950L, 100L, 0L, 900L)]
    [InlineData(1000L, 500L, 100L, 500L, null)]
    [InlineData(50L, 40L, 100L, 0L, null)]
    [InlineData(1000L, 1000L, 0L, 10L, 1000L)]
    public void Keeps_what_is_young_enough_or_recent_enough(long current, long? beforeCutoff, long retain, long compacted, long? expected)
    {
        Assert.Equal(expected, CompactionPolicy.Choose(current, beforeCutoff, retain, compacted));
    }
}
