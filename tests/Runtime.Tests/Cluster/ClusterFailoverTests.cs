using System.Diagnostics;
using Actors.ClusterTestGrains;
using Actors.TestSupport;

namespace Actors.Runtime.Tests.Cluster;

/// <summary>
/// RUNTIME.md scenarios 1, 5, 6 and 14 on real processes: three silos on one PostgreSQL, 1,000 grains
/// called from every silo, the busiest silo killed with SIGKILL, then a fourth silo added.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    private const int GrainCount = 1000;

    [Fact]
    public async Task KillBusiestSilo_GrainsComeBackWithTheirState_RemindersResume_NewSiloTakesItsShare()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 3, [typeof(ClusterCounterGrain).Assembly]);
        var keys = Enumerable.Range(0, GrainCount).Select(i => "g-" + i).ToArray();

        // Every grain is incremented once from the client and once from a relay grain, so calls start on every silo.
        var direct = await Task.WhenAll(keys.Select(k => cluster.Client.GetGrain<IClusterCounterGrain>(k).IncrementAsync()));
        var relayed = await Task.WhenAll(keys.Select((k, i) => cluster.Client.GetGrain<IClusterCounterGrain>("relay-" + (i % 30)).IncrementOtherAsync(k)));
        for (var i = 0; i < GrainCount; i++)
        {
            Assert.Equal(2, relayed[i].Value);
            Assert.Equal(direct[i].ActivationId, relayed[i].ActivationId);
        }
        var bySilo = relayed.GroupBy(r => r.Silo).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine("grains per silo: " + string.Join(", ", bySilo.Select(p => $"{p.Key}={p.Value}")));
        Assert.Equal(3, bySilo.Count);

        var reminderKeys = keys.Take(30).ToArray();
        await Task.WhenAll(reminderKeys.Select(k => cluster.Client.GetGrain<IClusterCounterGrain>(k).StartReminderAsync(TimeSpan.FromSeconds(1))));

        var victimAddress = bySilo.MaxBy(p => p.Value).Key;
        var victim = cluster.Silos.Single(s => victimAddress.Contains(":" + s.SiloPort + "@"));
        var victimKeys = keys.Where((_, i) => relayed[i].Silo == victimAddress).ToArray();
        var remindedOnVictim = reminderKeys.Where(victimKeys.Contains).ToArray();
        var ticksBefore = (await Task.WhenAll(remindedOnVictim.Select(k => cluster.Client.GetGrain<IClusterCounterGrain>(k).GetAsync()))).Select(r => r.ReminderTicks).ToArray();

        var killed = Stopwatch.StartNew();
        victim.Kill();
        await Eventually.WaitAsync($"{victim.Name} to be declared Dead", async () =>
            (await cluster.ReadMembershipAsync()).Entries.Any(e => e.SiloAddress.ToParsableString() == victimAddress && e.Status == SiloStatus.Dead),
            TimeSpan.FromSeconds(10), cluster.Describe);
        var declaredDead = killed.Elapsed;
        output.WriteLine($"declared dead after {declaredDead.TotalSeconds:F1} s");

        var recovery = Stopwatch.StartNew();
        await Eventually.WaitAsync("every grain of the killed silo to answer with its state", async () =>
        {
            var replies = await Task.WhenAll(victimKeys.Select(k => cluster.Client.GetGrain<IClusterCounterGrain>(k).GetAsync()));
            return replies.All(r => r.Value == 2 && r.Silo != victimAddress);
        }, TimeSpan.FromSeconds(10), cluster.Describe);
        output.WriteLine($"{victimKeys.Length} grains answered again after {recovery.Elapsed.TotalSeconds:F1} s");

        await Eventually.WaitAsync("reminders of the killed silo's grains to fire again", async () =>
        {
            var replies = await Task.WhenAll(remindedOnVictim.Select(k => cluster.Client.GetGrain<IClusterCounterGrain>(k).GetAsync()));
            return replies.Select((r, i) => r.ReminderTicks > ticksBefore[i]).All(b => b);
        }, TimeSpan.FromSeconds(20), cluster.Describe);

        await cluster.AddSiloAsync();
        await Eventually.WaitAsync("each live silo to hold within ±25% of the mean", async () =>
        {
            var replies = await Task.WhenAll(keys.Select(k => cluster.Client.GetGrain<IClusterCounterGrain>(k).GetAsync()));
            var counts = replies.GroupBy(r => r.Silo).Select(g => g.Count()).ToArray();
            var mean = GrainCount / 3.0;
            output.WriteLine("balance: " + string.Join(", ", counts));
            return counts.Length == 3 && counts.All(c => Math.Abs(c - mean) <= mean * 0.25);
        }, TimeSpan.FromSeconds(60), cluster.Describe, interval: TimeSpan.FromSeconds(3));

        var final = await Task.WhenAll(keys.Select(k => cluster.Client.GetGrain<IClusterCounterGrain>(k).GetAsync()));
        Assert.All(final, r => Assert.Equal(2, r.Value));
    }
}
