using System.Net;
using Actors.Placement;
using Actors.Runtime.Membership;

namespace Actors.Runtime.Tests.Placement;

[Trait("Category", "Unit")]
public sealed class RendezvousPlacementTests
{
    private static SiloAddress Silo(int port, int generation = 1) => new(new IPEndPoint(IPAddress.Loopback, port), generation);

    private static readonly GrainId[] Grains = Enumerable.Range(0, 10_000).Select(i => new GrainId("pod", "default/p-" + i)).ToArray();

    [Fact]
    public void Choose_IsDeterministic_AndSpreadsEvenly()
    {
        var silos = new[] { Silo(1), Silo(2), Silo(3) };
        var counts = Grains.GroupBy(g => RendezvousPlacement.Choose(g, silos)).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(3, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 3333 * 0.9, 3333 * 1.1));
        Assert.All(Grains.Take(100), g => Assert.Equal(RendezvousPlacement.Choose(g, silos), RendezvousPlacement.Choose(g, silos.Reverse())));
    }

    [Fact]
    public void AddingASilo_MovesOnlyGrainsItWins()
    {
        var before = new[] { Silo(1), Silo(2), Silo(3) };
        var after = before.Append(Silo(4)).ToArray();
        var moved = Grains.Where(g => !Equals(RendezvousPlacement.Choose(g, before), RendezvousPlacement.Choose(g, after))).ToArray();
        Assert.All(moved, g => Assert.Equal(Silo(4), RendezvousPlacement.Choose(g, after)));
        Assert.InRange(moved.Length, 2500 * 0.9, 2500 * 1.1);
    }

    [Fact]
    public void PinnedGrain_GoesOnlyToItsNamedActiveSilo()
    {
        var snapshot = new MembershipSnapshot(3,
        [
            Entry(Silo(1), "node-a", SiloStatus.Active, "worker"),
            Entry(Silo(2), "node-b", SiloStatus.Dead, "worker"),
            Entry(Silo(3), "cp", SiloStatus.Active, "control-plane"),
        ]);
        Assert.Equal(Silo(1), PlacementDecision.Choose(new GrainId("nodeagent", "node-a"), null, pinnedToSiloName: true, snapshot));
        Assert.Null(PlacementDecision.Choose(new GrainId("nodeagent", "node-b"), null, pinnedToSiloName: true, snapshot));
        Assert.Equal(Silo(3), PlacementDecision.Choose(new GrainId("deployment", "default/web"), "control-plane", pinnedToSiloName: false, snapshot));
        Assert.Null(PlacementDecision.Choose(new GrainId("deployment", "default/web"), "gpu", pinnedToSiloName: false, snapshot));
    }

    private static MembershipEntry Entry(SiloAddress silo, string name, SiloStatus status, string role) => new()
    {
        SiloAddress = silo,
        Status = status,
        HostName = "h",
        SiloName = name,
        RoleName = role,
        StartTime = DateTimeOffset.UnixEpoch,
        IAmAliveTime = DateTimeOffset.UnixEpoch,
    };
}
