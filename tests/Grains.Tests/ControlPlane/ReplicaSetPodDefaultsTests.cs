using Actors.Grains.Abstractions.Objects;
using Actors.TestSupport;

namespace Actors.Grains.Tests.ControlPlane;

/// <summary>A ReplicaSet's pods are created grain to grain, not through the API, yet look as an API create makes them.</summary>
[Trait("Category", "Unit")]
public sealed class ReplicaSetPodDefaultsTests : OneNodePlaneTests
{
    [Fact]
    public async Task A_replica_sets_pod_gets_the_api_defaults_and_its_qos_class()
    {
        Assert.Equal(ObjectWriteStatus.Created, (await Plane.Grains.GetGrain<IReplicaSetGrain>("default/db").CreateAsync(Manifests.ReplicaSet("db", 1).ToJsonString())).Status);
        await Eventually.WaitAsync("the set's pod", async () => (await Plane.Store.ListAsync("Pod", "default")).Items.Count == 1, TimeSpan.FromSeconds(30));
        var pod = (await Plane.Store.ListAsync("Pod", "default", cancellationToken: TestContext.Current.CancellationToken)).Items[0];

        var spec = pod["spec"]!;
        Assert.Equal("default", (string?)spec["serviceAccountName"]);
        Assert.Equal("default", (string?)spec["serviceAccount"]);
        Assert.True((bool?)spec["enableServiceLinks"]);
        Assert.Equal(0, (int?)spec["priority"]);
        Assert.Equal("Always", (string?)spec["restartPolicy"]);
        Assert.Equal("Burstable", (string?)pod["status"]?["qosClass"]);
    }
}
