using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;

namespace Actors.Grains.Tests.ControlPlane;

[Trait("Category", "Unit")]
public sealed class ResourceGrainUpdateTests : IAsyncLifetime
{
    private ControlPlaneHost _plane = null!;

    public async ValueTask InitializeAsync() => _plane = await ControlPlaneHost.StartAsync();

    public ValueTask DisposeAsync() => _plane.DisposeAsync();

    /// <summary>A kind without status (ConfigMap) must not grow <c>status: null</c> on update; kubectl would show it.</summary>
    [Fact]
    public async Task Update_keeps_the_stored_status_and_adds_none_to_kinds_without_one()
    {
        var grain = _plane.Grains.GetGrain<IConfigMapGrain>("default/settings");
        Assert.Equal(ObjectWriteStatus.Created, (await grain.CreateAsync("""{"metadata":{"name":"settings"},"data":{"a":"1"}}""")).Status);

        var updated = await grain.UpdateAsync("""{"metadata":{"name":"settings"},"data":{"a":"2"},"status":{"sneaked":"in"}}""");

        Assert.Equal(ObjectWriteStatus.Updated, updated.Status);
        var stored = (await _plane.Store.GetAsync("ConfigMap", "default", "settings", TestContext.Current.CancellationToken))!;
        Assert.Equal("2", (string?)stored["data"]!["a"]);
        Assert.False(stored.ContainsKey("status"), stored.ToJsonString());
        Assert.False(JsonNode.Parse(updated.Object!)!.AsObject().ContainsKey("status"));
    }
}
