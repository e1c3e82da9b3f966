using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.TestSupport;

namespace Actors.Grains.Tests.ControlPlane;

/// <summary>Revisions, history and the progress deadline of a Deployment, on one SQLite silo with hollow nodes.</summary>
[Trait("Category", "Unit")]
public sealed class DeploymentHistoryTests : OneNodePlaneTests
{
    private const string Revision = "deployment.kubernetes.io/revision";

    private IDeploymentGrain Web => Plane.Grains.GetGrain<IDeploymentGrain>("default/web");

    private async Task<JsonObject> GetAsync() => JsonNode.Parse((await Web.GetAsync())!)!.AsObject();

    private async Task<IReadOnlyList<JsonObject>> SetsAsync() => (await Plane.Store.ListAsync("ReplicaSet", "default")).Items;

    private Task UpdateAsync(Action<JsonObject> change) => ClientUpdate.ApplyAsync(Web, change);

    private Task SetImageAsync(string image) => UpdateAsync(d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = image);

    private Task WaitRolledOutAsync(string image) =>
        Eventually.WaitAsync($"the rollout of {image}", async () =>
        {
            var deployment = await GetAsync();
            var status = deployment["status"];
            var sets = await SetsAsync();
            var current = sets.SingleOrDefault(rs => (string?)rs["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"] == image);
            return current is not null && (int?)current["status"]?["availableReplicas"] == 2
                && (int?)status?["updatedReplicas"] == 2 && (int?)status?["replicas"] == 2 && (int?)status?["availableReplicas"] == 2
                && (long?)status?["observedGeneration"] == (long?)deployment["metadata"]?["generation"];
        }, TimeSpan.FromSeconds(30), () => GetAsync().Result["status"]?.ToJsonString() ?? "");

    private static string? Annotation(JsonObject obj, string name) => (string?)obj["metadata"]?["annotations"]?[name];

    private static string? ImageOf(JsonObject rs) => (string?)rs["spec"]?["template"]?["spec"]?["containers"]?[0]?["image"];

    [Fact]
    public async Task RollingBack_TakesTheNextRevision_AndOldSetsBeyondTheLimitAreDeleted()
    {
        var deployment = Manifests.Deployment("web", 2, "busybox:1");
        deployment["spec"]!["revisionHistoryLimit"] = 1;
        Assert.Equal(ObjectWriteStatus.Created, (await Web.CreateAsync(deployment.ToJsonString())).Status);
        await WaitRolledOutAsync("busybox:1");
        await SetImageAsync("busybox:2");
        await WaitRolledOutAsync("busybox:2");
        await SetImageAsync("busybox:3");
        await WaitRolledOutAsync("busybox:3");

        // Revision 1 is the oldest of two old sets with a limit of one: it goes once drained.
        await Eventually.WaitAsync("revision 1 deleted", async () => (await SetsAsync()).Count == 2, TimeSpan.FromSeconds(30),
            () => string.Join(" ", SetsAsync().Result.Select(rs => $"{ImageOf(rs)}={Annotation(rs, Revision)}")));
        Assert.DoesNotContain(await SetsAsync(), rs => ImageOf(rs) == "busybox:1");

        // Back to busybox:2 (what `kubectl rollout undo` does): its set becomes revision 4 and remembers 2.
        await SetImageAsync("busybox:2");
        await WaitRolledOutAsync("busybox:2");
        var sets = await SetsAsync();
        var rolledBack = sets.Single(rs => ImageOf(rs) == "busybox:2");
        Assert.Equal("4", Annotation(rolledBack, Revision));
        Assert.Equal("2", Annotation(rolledBack, "deployment.kubernetes.io/revision-history"));
        Assert.Equal("3", Annotation(sets.Single(rs => ImageOf(rs) == "busybox:3"), Revision));
        await Eventually.WaitAsync("the deployment's revision to follow", async () => Annotation(await GetAsync(), Revision) == "4", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ARolloutThatCannotProgress_ExceedsItsDeadline_AndAPausedOneDoesNot()
    {
        // Asks for more CPU than any node has, so no pod is ever scheduled.
        var deployment = Manifests.Deployment("web", 1, "busybox:1", cpu: "64");
        deployment["spec"]!["progressDeadlineSeconds"] = 1;
        Assert.Equal(ObjectWriteStatus.Created, (await Web.CreateAsync(deployment.ToJsonString())).Status);

        await Eventually.WaitAsync("ProgressDeadlineExceeded", async () =>
        {
            var condition = Progressing(await GetAsync());
            return (string?)condition?["status"] == "False" && (string?)condition?["reason"] == "ProgressDeadlineExceeded";
        }, TimeSpan.FromSeconds(30), () => GetAsync().Result["status"]?.ToJsonString() ?? "");
        var name = NameOf((await SetsAsync()).Single());
        Assert.Equal($"ReplicaSet \"{name}\" has timed out progressing.", (string?)Progressing(await GetAsync())?["message"]);

        await UpdateAsync(d => d["spec"]!["paused"] = true);
        await Eventually.WaitAsync("DeploymentPaused", async () =>
        {
            var condition = Progressing(await GetAsync());
            return (string?)condition?["status"] == "Unknown" && (string?)condition?["reason"] == "DeploymentPaused";
        }, TimeSpan.FromSeconds(10), () => GetAsync().Result["status"]?.ToJsonString() ?? "");
    }

    [Fact]
    public async Task APausedDeployment_MakesNoNewReplicaSetForAChangedTemplate_UntilItResumes()
    {
        Assert.Equal(ObjectWriteStatus.Created, (await Web.CreateAsync(Manifests.Deployment("web", 2, "busybox:1").ToJsonString())).Status);
        await WaitRolledOutAsync("busybox:1");
        await UpdateAsync(d =>
        {
            d["spec"]!["paused"] = true;
            d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "busybox:2";
        });
        await Eventually.WaitAsync("the paused template change observed", async () =>
        {
            var deployment = await GetAsync();
            return (long?)deployment["status"]?["observedGeneration"] == (long?)deployment["metadata"]?["generation"]
                && (string?)Progressing(deployment)?["reason"] == "DeploymentPaused";
        }, TimeSpan.FromSeconds(10), () => GetAsync().Result["status"]?.ToJsonString() ?? "");
        Assert.Single(await SetsAsync());
        Assert.Equal("1", Annotation(await GetAsync(), Revision));

        await UpdateAsync(d => d["spec"]!["paused"] = false);
        await WaitRolledOutAsync("busybox:2");
        Assert.Equal("2", Annotation((await SetsAsync()).Single(rs => ImageOf(rs) == "busybox:2"), Revision));
    }

    private static JsonObject? Progressing(JsonObject deployment) =>
        (deployment["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "Progressing");

    private static string NameOf(JsonObject obj) => (string)obj["metadata"]!["name"]!;
}
