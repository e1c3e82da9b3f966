using Actors.ClusterTestGrains;
using Actors.TestSupport;

namespace Actors.Runtime.Tests.Cluster;

[Trait("Category", "Cluster")]
public sealed class RestartTests
{
    /// <summary>
    /// Scenario 3: a silo restarted on the same endpoint is a new generation; it marks its previous life Dead
    /// at once, and the grains the old process held come back with their state.
    /// </summary>
    [Fact]
    public async Task RestartOnTheSameEndpoint_MarksTheOldGenerationDead_AndGrainsKeepTheirState()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 2, [typeof(ClusterCounterGrain).Assembly]);
        var keys = Enumerable.Range(0, 100).Select(i => "restart-" + i).ToArray();
        var before = await Task.WhenAll(keys.Select(k => cluster.Client.GetGrain<IClusterCounterGrain>(k).IncrementAsync()));
        var oldAddress = before.Select(r => r.Silo).First(s => s.Contains(":" + cluster.Silos[1].SiloPort + "@"));

        var restarted = await cluster.RestartSiloAsync(1);

        var table = await cluster.ReadMembershipAsync();
        Assert.Equal(SiloStatus.Dead, table.Entries.Single(e => e.SiloAddress.ToParsableString() == oldAddress).Status);
        var newRow = table.Entries.Single(e => e.SiloAddress.Endpoint.Port == restarted.SiloPort && e.Status == SiloStatus.Active);
        Assert.NotEqual(oldAddress, newRow.SiloAddress.ToParsableString());

        await Eventually.WaitAsync("every grain to answer with its state", async () =>
        {
            var replies = await Task.WhenAll(keys.Select(k => cluster.Client.GetGrain<IClusterCounterGrain>(k).GetAsync()));
            return replies.All(r => r.Value == 1 && r.Silo != oldAddress);
        }, TimeSpan.FromSeconds(15), cluster.Describe);
        var after = await Task.WhenAll(keys.Select(k => cluster.Client.GetGrain<IClusterCounterGrain>(k).IncrementAsync()));
        Assert.All(after, r => Assert.Equal(2, r.Value));
    }
}
