using Actors.Grains.Controllers.Deployments;

namespace Actors.Grains.Tests.Controllers.Deployments;

[Trait("Category", "Unit")]
public sealed class RevisionHistoryTests
{
    private static HistoryEntry Old(string name, long revision, int replicas = 0, int pods = 0, bool settled = true, bool deleting = false) =>
        new(name, revision, replicas, pods, settled, deleting);

    public static TheoryData<string, int, HistoryEntry[], string[]> Cases => new()
    {
        { "within the limit: nothing", 2, [Old("a", 1), Old("b", 2)], [] },
        { "one over: the oldest revision goes", 2, [Old("c", 3), Old("a", 1), Old("b", 2)], ["a"] },
        { "limit 0: every drained old set goes", 0, [Old("a", 1), Old("b", 2)], ["a", "b"] },
        { "still has pods: kept, and no newer one goes instead", 1, [Old("a", 1, pods: 1), Old("b", 2)], [] },
        { "still scaled up: kept", 1, [Old("a", 1, replicas: 2), Old("b", 2)], [] },
        { "status behind its spec: kept", 1, [Old("a", 1, settled: false), Old("b", 2)], [] },
        { "already being deleted: neither counted nor deleted", 1, [Old("a", 1, deleting: true), Old("b", 2), Old("c", 3)], ["b"] },
        { "equal revisions: by name", 1, [Old("y", 1), Old("x", 1)], ["x"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToDelete_TrimsOldestDrainedSetsBeyondTheLimit(string scenario, int limit, HistoryEntry[] old, string[] expected)
    {
        var deleted = RevisionHistory.ToDelete(old, limit);
        Assert.True(expected.SequenceEqual(deleted), $"{scenario}: {string.Join(",", deleted)}");
    }
}
