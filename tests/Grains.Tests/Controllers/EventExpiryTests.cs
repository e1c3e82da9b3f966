using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Events;

namespace Actors.Grains.Tests.Controllers;

[Trait("Category", "Unit")]
public sealed class EventExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("last seen two hours ago", "2026-12-04T10:00:00Z", null, null, true)]
    [InlineData("last seen exactly the TTL ago", "2026-12-04T11:00:00Z", null, null, true)]
    [InlineData("last seen a minute ago", "2026-12-04T11:59:00Z", null, null, false)]
    [InlineData("no lastTimestamp: eventTime decides", null, "2026-12-04T09:00:00.000000Z", null, true)]
    [InlineData("only a creation time, recent", null, null, "2026-12-04T11:30:00Z", false)]
    [InlineData("lastTimestamp wins over an old creation", "2026-12-04T11:59:00Z", null, "2026-12-01T00:00:00Z", false)]
    [InlineData("no time at all: kept", null, null, null, false)]
    public void An_event_expires_a_TTL_after_it_was_last_seen(string scenario, string? last, string? eventTime, string? created, bool expired)
    {
        var evt = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "e", ["creationTimestamp"] = created },
            ["lastTimestamp"] = last,
            ["eventTime"] = eventTime,
        };

        Assert.True(EventExpiry.IsExpired(evt, Now, EventExpiry.DefaultTtl) == expired, scenario);
    }
}
