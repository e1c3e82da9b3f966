using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.TestSupport;

namespace Actors.Grains.Tests.ControlPlane;

/// <summary>
/// A client's read-modify-write (what `kubectl edit` or a client library does): read, change, write with the
/// version read, and on a conflict — the object's own controller wrote its status meanwhile — read again.
/// </summary>
internal static class ClientUpdate
{
    public static Task ApplyAsync(IResourceGrain grain, Action<JsonObject> change) =>
        Eventually.WaitAsync("the update written without a conflict", async () =>
        {
            var current = JsonNode.Parse((await grain.GetAsync())!)!.AsObject();
            change(current);
            var result = await grain.UpdateAsync(current.ToJsonString());
            Assert.True(result.Status is ObjectWriteStatus.Updated or ObjectWriteStatus.Conflict, $"update: {result.Status} {result.Message}");
            return result.Status == ObjectWriteStatus.Updated;
        }, TimeSpan.FromSeconds(10));
}
