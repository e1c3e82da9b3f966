using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;

namespace Actors.Grains.Tests.ControlPlane;

[Trait("Category", "Unit")]
public sealed class EventReaperTests : IAsyncLifetime
{
    private ControlPlaneHost _plane = null!;

    public async ValueTask InitializeAsync() => _plane = await ControlPlaneHost.StartAsync();

    public ValueTask DisposeAsync() => _plane.DisposeAsync();

    [Fact]
    public async Task Events_older_than_the_TTL_are_deleted_and_recent_ones_kept()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (name, seen) in new[] { ("old-1", now.AddHours(-3)), ("old-2", now.AddMinutes(-61)), ("fresh", now.AddMinutes(-5)) })
        {
            var evt = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Event",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
                ["reason"] = "Test",
                ["lastTimestamp"] = seen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            };
            await _plane.Store.CreateAsync("Event", evt, TestContext.Current.CancellationToken);
        }

        var deleted = await _plane.Grains.GetGrain<IEventReaperGrain>("cluster").ReapAsync();

        Assert.Equal(2, deleted);
        var left = (await _plane.Store.ListAsync("Event", "default", cancellationToken: TestContext.Current.CancellationToken)).Items;
        Assert.Equal(["fresh"], left.Select(e => (string?)e["metadata"]!["name"]));
    }
}
