using Actors.Grains.Controllers.ReplicaSets;

namespace Actors.Grains.Tests.Controllers;

[Trait("Category", "Unit")]
public sealed class ReplicaSetPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PodView Pod(string name, string? node = "n1", string phase = "Running", bool ready = true, int ageSeconds = 100, bool terminating = false) =>
        new(name, node, phase, ready, T0.AddSeconds(-ageSeconds), terminating);

    public static TheoryData<string, int, PodView[], int, string[]> Cases => new()
    {
        { "empty set creates all", 3, [], 3, [] },
        { "matches: nothing", 2, [Pod("a"), Pod("b")], 0, [] },
        { "terminating pods do not count", 2, [Pod("a"), Pod("b", terminating: true)], 1, [] },
        { "finished pods do not count", 1, [Pod("a", phase: "Succeeded")], 1, [] },
        { "unscheduled goes first", 1, [Pod("a"), Pod("b", node: null, phase: "Pending", ready: false)], 0, ["b"] },
        { "pending before running", 1, [Pod("a"), Pod("b", phase: "Pending", ready: false)], 0, ["b"] },
        { "not ready before ready", 1, [Pod("a", ready: false), Pod("b")], 0, ["a"] },
        { "newest first among equals", 1, [Pod("old", ageSeconds: 500), Pod("new", ageSeconds: 5)], 0, ["new"] },
        { "scale to zero deletes all", 0, [Pod("a"), Pod("b")], 0, ["a", "b"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_CreatesOrChoosesVictims(string scenario, int desired, PodView[] pods, int create, string[] delete)
    {
        var plan = ReplicaSetPlanner.Plan(desired, pods);
        Assert.True(create == plan.Create, $"{scenario}: create {plan.Create}");
        Assert.True(delete.Order().SequenceEqual(plan.Delete.Order()), $"{scenario}: delete {string.Join(",", plan.Delete)}");
    }

    [Fact]
    public void Plan_CapsABurst()
    {
        Assert.Equal(ReplicaSetPlanner.BurstReplicas, ReplicaSetPlanner.Plan(10_000, []).Create);
    }
}
