using Actors.ClusterTestGrains;
using Actors.TestSupport;

namespace Actors.Runtime.Tests.Cluster;

[Trait("Category", "Cluster")]
public sealed class FaultTests
{
    /// <summary>
    /// Scenario 11: with the database gone, state writes fail visibly, calls to live activations still work and
    /// nobody is declared dead; when it comes back, the cluster carries on.
    /// </summary>
    [Fact]
    public async Task DatabaseOutage_WritesFail_NobodyDies_ThenTheClusterCarriesOn()
    {
        await using var cluster = await InProcessCluster.StartAsync(silos: 2, throughProxy: true);
        var factory = InProcessCluster.FactoryOf(cluster.Hosts[0]);
        var keys = Enumerable.Range(0, 20).Select(i => "outage-" + i).ToArray();
        await Task.WhenAll(keys.Select(k => factory.GetGrain<IClusterCounterGrain>(k).IncrementAsync()));

        cluster.DatabaseProxy!.Cut();
        await Assert.ThrowsAnyAsync<Exception>(() => factory.GetGrain<IClusterCounterGrain>(keys[0]).IncrementAsync());
        // Longer than the test profile's detection time (probe 2 s × 3 missed): a death would have happened by now.
        var outageEnds = DateTime.UtcNow.AddSeconds(8);
        while (DateTime.UtcNow < outageEnds)
        {
            // keys[0] is skipped: its failed increment changed its in-memory state before the write failed.
            var replies = await Task.WhenAll(keys.Skip(1).Select(k => factory.GetGrain<IClusterCounterGrain>(k).GetAsync()));
            Assert.All(replies, r => Assert.Equal(1, r.Value));
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        Assert.Empty(cluster.DeclaredDead);

        cluster.DatabaseProxy.Restore();
        await Eventually.WaitAsync("writes to succeed again", async () =>
        {
            try
            {
                return (await factory.GetGrain<IClusterCounterGrain>(keys[1]).IncrementAsync()).Value == 2;
            }
            catch (Exception)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20));
        var table = await cluster.Stores.MembershipTable.ReadAllAsync(TestContext.Current.CancellationToken);
        Assert.All(table.Members, m => Assert.Equal(SiloStatus.Active, m.Entry.Status));
        Assert.Empty(cluster.DeclaredDead);
    }

    /// <summary>Scenario 5: in a two-silo cluster the survivor's single vote declares the crashed silo dead.</summary>
    [Fact]
    public async Task TwoSilos_OneCrashes_TheSurvivorAloneDeclaresItDead_AndTakesOver()
    {
        await using var cluster = await InProcessCluster.StartAsync(silos: 2);
        var survivor = InProcessCluster.SiloOf(cluster.Hosts[0]);
        var crashed = InProcessCluster.SiloOf(cluster.Hosts[1]);
        var factory = InProcessCluster.FactoryOf(cluster.Hosts[0]);
        var keys = Enumerable.Range(0, 40).Select(i => "crash-" + i).ToArray();
        var before = await Task.WhenAll(keys.Select(k => factory.GetGrain<IClusterCounterGrain>(k).IncrementAsync()));
        Assert.Contains(before, r => r.Silo == crashed.Address.ToParsableString());

        // A crash as its peer sees it: the silo stops answering and never writes its row again.
        await crashed.Membership!.DisposeAsync();
        await crashed.Messages!.DisposeAsync();

        await Eventually.WaitAsync("the survivor to declare the crashed silo dead", async () =>
        {
            var table = await cluster.Stores.MembershipTable.ReadAllAsync(CancellationToken.None);
            var row = table.Members.Single(m => m.Entry.SiloAddress.Equals(crashed.Address)).Entry;
            return row.Status == SiloStatus.Dead && row.SuspectTimes.Count == 1 && row.SuspectTimes[0].Suspecter.Equals(survivor.Address);
        }, TimeSpan.FromSeconds(15));
        // The survivor writes the row, then re-reads the table into its own view: routing follows the view.
        await Eventually.WaitAsync("the survivor's view to show the crashed silo dead",
            () => survivor.Membership!.Snapshot.StatusOf(crashed.Address) == SiloStatus.Dead, TimeSpan.FromSeconds(5));
        var after = await Task.WhenAll(keys.Select(k => factory.GetGrain<IClusterCounterGrain>(k).IncrementAsync()));
        Assert.All(after, r => Assert.Equal(2, r.Value));
        Assert.All(after, r => Assert.Equal(survivor.Address.ToParsableString(), r.Silo));
    }
}
