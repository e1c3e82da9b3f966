using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.TestSupport;

namespace Actors.Grains.Tests.ControlPlane;

/// <summary>Owners claim by selector: a ReplicaSet releases a relabelled pod and adopts a matching bare one; a Deployment adopts the ReplicaSet an orphaning delete left.</summary>
[Trait("Category", "Unit")]
public sealed class ReplicaSetAdoptionTests : OneNodePlaneTests
{
    private async Task<IReadOnlyList<JsonObject>> LivePodsAsync() =>
        (await Plane.Store.ListAsync("Pod", "default")).Items.Where(p => p["metadata"]?["deletionTimestamp"] is null).ToArray();

    private static string? ControllerUid(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(o => (bool?)o["controller"] == true)?["uid"]?.ToString();

    private static string Name(JsonObject obj) => (string)obj["metadata"]!["name"]!;

    private string Describe() => string.Join(" ", LivePodsAsync().Result.Select(p => $"{Name(p)}[{p["metadata"]?["labels"]?["app"]}]->{ControllerUid(p) ?? "none"}"));

    [Fact]
    public async Task ARelabelledPodIsReleasedAndReplaced_AndAMatchingBarePodIsAdoptedInsteadOfANewOne()
    {
        var created = await Plane.Grains.GetGrain<IReplicaSetGrain>("default/db").CreateAsync(Manifests.ReplicaSet("db", 2).ToJsonString());
        Assert.Equal(ObjectWriteStatus.Created, created.Status);
        var uid = (string)JsonNode.Parse(created.Object!)!["metadata"]!["uid"]!;
        await Eventually.WaitAsync("two pods of the set", async () => (await LivePodsAsync()).Count(p => ControllerUid(p) == uid) == 2, TimeSpan.FromSeconds(30), Describe);

        // `kubectl label pod X app=other --overwrite`: the pod leaves the selector, loses its owner, and is replaced.
        var leaving = (await LivePodsAsync()).First();
        await ClientUpdate.ApplyAsync(Plane.Grains.GetGrain<IPodGrain>($"default/{Name(leaving)}"), pod => pod["metadata"]!["labels"]!["app"] = "other");
        await Eventually.WaitAsync("the relabelled pod released and replaced", async () =>
        {
            var pods = await LivePodsAsync();
            return pods.Count == 3 && ControllerUid(pods.Single(p => Name(p) == Name(leaving))) is null && pods.Count(p => ControllerUid(p) == uid) == 2;
        }, TimeSpan.FromSeconds(30), Describe);

        // A bare pod with the set's labels is adopted, and the set, now over by one, deletes one of its pods (the
        // newest, likely the bare one). Without adoption four pods would stay live.
        Assert.Equal(ObjectWriteStatus.Created, (await Plane.Grains.GetGrain<IPodGrain>("default/bare").CreateAsync(Manifests.Pod("bare", "db").ToJsonString())).Status);
        await Eventually.WaitAsync("the bare pod adopted and the set back to two", async () =>
        {
            var pods = await LivePodsAsync();
            var bare = pods.SingleOrDefault(p => Name(p) == "bare");
            return pods.Count == 3 && (bare is null || ControllerUid(bare) == uid) && pods.Count(p => ControllerUid(p) == uid) == 2
                && ControllerUid(pods.Single(p => Name(p) == Name(leaving))) is null;
        }, TimeSpan.FromSeconds(30), Describe);
    }

    [Fact]
    public async Task ADeploymentDeletedWithOrphan_LeavesItsSetUnowned_AndTheNextOneOfTheSameTemplateAdoptsIt()
    {
        var web = Plane.Grains.GetGrain<IDeploymentGrain>("default/web");
        Assert.Equal(ObjectWriteStatus.Created, (await web.CreateAsync(Manifests.Deployment("web", 2, "busybox:1").ToJsonString())).Status);
        await Eventually.WaitAsync("the deployment's set", async () => (await SetsAsync()).Count == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(ObjectWriteStatus.Deleted, (await web.DeleteAsync(new DeleteRequest(PropagationPolicy.Orphan))).Status);
        await Eventually.WaitAsync("the set orphaned", async () => await SetsAsync() is [var set] && ControllerUid(set) is null, TimeSpan.FromSeconds(10));

        var created = await web.CreateAsync(Manifests.Deployment("web", 2, "busybox:1").ToJsonString());
        Assert.Equal(ObjectWriteStatus.Created, created.Status);
        var uid = (string)JsonNode.Parse(created.Object!)!["metadata"]!["uid"]!;
        await Eventually.WaitAsync("the orphan set adopted", async () => await SetsAsync() is [var set] && ControllerUid(set) == uid,
            TimeSpan.FromSeconds(30), () => string.Join(" ", SetsAsync().Result.Select(rs => $"{Name(rs)}->{ControllerUid(rs) ?? "none"}")));
    }

    private async Task<IReadOnlyList<JsonObject>> SetsAsync() => (await Plane.Store.ListAsync("ReplicaSet", "default")).Items;
}
