using Actors.ClusterTestGrains;
using Actors.Runtime.Tests.TestGrains;
using Actors.TestSupport;

namespace Actors.Runtime.Tests.Cluster;

[Trait("Category", "Cluster")]
public sealed class InProcessClusterTests
{
    /// <summary>Scenario 6: racing first calls from every silo create exactly one activation per grain.</summary>
    [Fact]
    public async Task ConcurrentFirstCalls_FromEverySilo_CreateOneActivationEach()
    {
        await using var cluster = await InProcessCluster.StartAsync(silos: 3);
        var keys = Enumerable.Range(0, 10).Select(i => "race-" + Guid.NewGuid().ToString("N")[..8] + "-" + i).ToArray();
        var calls = cluster.Hosts.SelectMany(host => keys.SelectMany(key => Enumerable.Range(0, 34).Select(_ =>
            InProcessCluster.FactoryOf(host).GetGrain<ICounterGrain>(key).GetActivationIdAsync())));
        var ids = await Task.WhenAll(calls);
        Assert.Equal(keys.Length * 34 * 3, ids.Length);
        Assert.Equal(keys.Length, ids.Distinct().Count());
        foreach (var key in keys)
        {
            Assert.Equal(1, ActivationLog.ActivationsOf(new GrainId("counter", key)));
        }
    }

    /// <summary>
    /// Scenario 4: a silo cut off from its peers but not from the database is voted Dead, learns it from its
    /// own table read and stops; its grains answer from the survivors, and its stale activation cannot write.
    /// </summary>
    [Fact]
    public async Task PartitionedSilo_IsDeclaredDead_LearnsIt_AndItsStaleWritesFail()
    {
        await using var cluster = await InProcessCluster.StartAsync(silos: 3);
        var isolated = InProcessCluster.SiloOf(cluster.Hosts[2]);
        var isolatedFactory = InProcessCluster.FactoryOf(cluster.Hosts[2]);
        var key = Enumerable.Range(0, 1000).Select(i => "part-" + i).First(k =>
            Actors.Placement.RendezvousPlacement.Choose(new GrainId("clustercounter", k), cluster.Hosts.Select(h => InProcessCluster.SiloOf(h).Address))!.Equals(isolated.Address));
        var before = await isolatedFactory.GetGrain<IClusterCounterGrain>(key).IncrementAsync();
        Assert.Equal(isolated.Address.ToParsableString(), before.Silo);

        foreach (var peer in cluster.Hosts.Take(2).Select(InProcessCluster.SiloOf))
        {
            peer.Messages!.BlockPeer(isolated.Address);
            isolated.Messages!.BlockPeer(peer.Address);
        }

        await Eventually.WaitAsync("the isolated silo to read its own Dead row", () => cluster.DeclaredDead.Contains(isolated.Address.ToParsableString()), TimeSpan.FromSeconds(20));

        var survivor = InProcessCluster.FactoryOf(cluster.Hosts[0]);
        var after = await survivor.GetGrain<IClusterCounterGrain>(key).IncrementAsync();
        Assert.Equal(2, after.Value);
        Assert.NotEqual(isolated.Address.ToParsableString(), after.Silo);

        // The isolated silo still holds its old activation (a real process would have exited): a write from it
        // must not overwrite the survivor's.
        var increment = typeof(IClusterCounterGrain).GetMethod(nameof(IClusterCounterGrain.IncrementAsync))!;
        var method = isolated.Invoker.Manifest.GetMethod(increment);
        await Assert.ThrowsAsync<InconsistentStateException>(() => isolated.Invoker.InvokeLocalAsync(
            new GrainId("clustercounter", key), method, [], chain: null, TimeSpan.FromSeconds(10), Activation.Catalog.MaxForwardCount));
        Assert.Equal(2, (await survivor.GetGrain<IClusterCounterGrain>(key).GetAsync()).Value);
    }

    /// <summary>Scenario 2: a graceful stop leaves the membership table Dead and the grains come back elsewhere.</summary>
    [Fact]
    public async Task GracefulStop_MarksTheSiloDead_AndItsGrainsMove()
    {
        await using var cluster = await InProcessCluster.StartAsync(silos: 2);
        var leaving = InProcessCluster.SiloOf(cluster.Hosts[1]);
        var client = InProcessCluster.FactoryOf(cluster.Hosts[0]);
        var keys = Enumerable.Range(0, 50).Select(i => "leave-" + i).ToArray();
        var replies = await Task.WhenAll(keys.Select(k => client.GetGrain<IClusterCounterGrain>(k).IncrementAsync()));
        Assert.Contains(replies, r => r.Silo == leaving.Address.ToParsableString());

        await cluster.Hosts[1].StopAsync(TestContext.Current.CancellationToken);
        var table = await cluster.Stores.MembershipTable.ReadAllAsync(CancellationToken.None);
        Assert.Equal(SiloStatus.Dead, table.Members.Single(m => m.Entry.SiloAddress.Equals(leaving.Address)).Entry.Status);

        var after = await Task.WhenAll(keys.Select(k => client.GetGrain<IClusterCounterGrain>(k).IncrementAsync()));
        Assert.All(after, r => Assert.Equal(2, r.Value));
        Assert.All(after, r => Assert.NotEqual(leaving.Address.ToParsableString(), r.Silo));
    }

    /// <summary>An IAsyncEnumerable method streams across silos, and a thrown exception keeps its type and message.</summary>
    [Fact]
    public async Task StreamingAndExceptions_CrossSilos()
    {
        await using var cluster = await InProcessCluster.StartAsync(silos: 2);
        var remote = InProcessCluster.SiloOf(cluster.Hosts[1]).Address;
        var silos = cluster.Hosts.Select(h => InProcessCluster.SiloOf(h).Address).ToArray();
        string KeyOn(string type) => Enumerable.Range(0, 1000).Select(i => "x-" + i)
            .First(k => Actors.Placement.RendezvousPlacement.Choose(new GrainId(type, k), silos)!.Equals(remote));
        var caller = InProcessCluster.FactoryOf(cluster.Hosts[0]);

        var items = new List<int>();
        await foreach (var item in caller.GetGrain<IEchoGrain>(KeyOn("echo")).CountAsync(500))
        {
            items.Add(item);
        }
        Assert.Equal(Enumerable.Range(1, 500), items);

        var counter = caller.GetGrain<ICounterGrain>(KeyOn("counter"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => counter.FailAsync("remote boom"));
        Assert.Equal("remote boom", error.Message);
        Assert.Equal(1, await counter.IncrementAsync());
    }

    /// <summary>A pinned grain lives only on the silo its key names; when that silo is gone, calls fail fast.</summary>
    [Fact]
    public async Task PinnedGrain_LivesOnItsSilo_AndFailsFastWhenTheSiloIsGone()
    {
        await using var cluster = await InProcessCluster.StartAsync(silos: 2);
        var caller = InProcessCluster.FactoryOf(cluster.Hosts[0]);
        var target = InProcessCluster.SiloOf(cluster.Hosts[1]);
        var pinned = caller.GetGrain<IPinnedGrain>("silo-2");
        Assert.Equal(target.Address.ToParsableString(), await pinned.WhereAsync());

        await cluster.Hosts[1].StopAsync(TestContext.Current.CancellationToken);
        await Eventually.WaitAsync("the caller to see silo-2 gone",
            () => !InProcessCluster.SiloOf(cluster.Hosts[0]).Membership!.Snapshot.IsActive(target.Address), TimeSpan.FromSeconds(10));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => pinned.WhereAsync());
        Assert.Contains("silo-2", error.Message);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"failing took {started.Elapsed}");
    }

    /// <summary>Either silo's management view shows both silos' statistics and finds an activation on the other.</summary>
    [Fact]
    public async Task Management_SeesEverySilo_AndFindsActivationsElsewhere()
    {
        await using var cluster = await InProcessCluster.StartAsync(silos: 2);
        var factory = InProcessCluster.FactoryOf(cluster.Hosts[0]);
        var replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => factory.GetGrain<IClusterCounterGrain>("mgmt-" + i).IncrementAsync()));
        var remoteSilo = InProcessCluster.SiloOf(cluster.Hosts[1]).Address.ToParsableString();
        var remoteIndex = Array.FindIndex(replies, r => r.Silo == remoteSilo);
        Assert.True(remoteIndex >= 0);

        var management = InProcessCluster.SiloOf(cluster.Hosts[0]).Management;
        var statistics = await management.GetClusterStatisticsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, statistics.Count);
        Assert.All(statistics, s => Assert.Contains(s.GrainTypes, t => t.GrainType == "clustercounter" && t.Activations > 0));
        Assert.All(statistics, s => Assert.True(s.MemoryBytes > 0));

        var details = await management.FindActivationAsync(new GrainId("clustercounter", "mgmt-" + remoteIndex), TestContext.Current.CancellationToken);
        Assert.NotNull(details);
        Assert.Equal(remoteSilo, details.Silo);
        Assert.Contains("\"value\":1", details.PersistentStates["counter"]);
        Assert.Contains(details.RecentCalls, c => c.Method.StartsWith("IncrementAsync", StringComparison.Ordinal));
    }
}
