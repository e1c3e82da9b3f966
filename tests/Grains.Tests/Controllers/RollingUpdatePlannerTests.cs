using Actors.Grains.Controllers.Deployments;

namespace Actors.Grains.Tests.Controllers;

[Trait("Category", "Unit")]
public sealed class RollingUpdatePlannerTests
{
    public static TheoryData<string, RolloutInput, ScaleAction[]> Steps => new()
    {
        {
            "start: surge 25% of 4 = 1 new pod",
            new RolloutInput(4, 1, 1, new("new", 0, 0, 2), [new("old", 4, 4, 1)]),
            [new("new", 1)]
        },
        {
            "at max total: scale old down by what availability allows",
            new RolloutInput(4, 1, 1, new("new", 1, 0, 2), [new("old", 4, 4, 1)]),
            [new("old", 3)]
        },
        {
            "new pod unavailable and maxUnavailable 0: wait",
            new RolloutInput(4, 1, 0, new("new", 1, 0, 2), [new("old", 4, 4, 1)]),
            []
        },
        {
            "new pod available, maxUnavailable 0: one old pod goes",
            new RolloutInput(4, 1, 0, new("new", 1, 1, 2), [new("old", 4, 4, 1)]),
            [new("old", 3)]
        },
        {
            "unhealthy old pods go first; availability already below the minimum keeps healthy ones",
            new RolloutInput(4, 0, 1, new("new", 0, 0, 3), [new("v1", 2, 0, 1), new("v2", 2, 2, 2)]),
            [new("v1", 1)]
        },
        {
            "unhealthy pods of the oldest set, then healthy ones within the budget",
            new RolloutInput(4, 0, 2, new("new", 0, 0, 3), [new("v1", 1, 0, 1), new("v2", 3, 3, 2)]),
            [new("v1", 0), new("v2", 2)]
        },
        {
            "surge 0, unavailable 2: old down by two first",
            new RolloutInput(4, 0, 2, new("new", 0, 0, 2), [new("old", 4, 4, 1)]),
            [new("old", 2)]
        },
        {
            "new set above desired (scale down during rollout)",
            new RolloutInput(2, 1, 1, new("new", 3, 3, 2), [new("old", 0, 0, 1)]),
            [new("new", 2)]
        },
        {
            "old set scaled to 8 still has 10 live pods: the new set grows only to the surge left (2, not 4)",
            new RolloutInput(10, 2, 1, new("new", 0, 0, 2), [new("old", 8, 8, 1, LivePods: 10)]),
            [new("new", 2)]
        },
        {
            "old set's extra pods already terminating: its replicas count again",
            new RolloutInput(10, 2, 1, new("new", 2, 0, 2), [new("old", 8, 8, 1, LivePods: 8)]),
            [new("new", 4)]
        },
        {
            "done: nothing to do",
            new RolloutInput(4, 1, 1, new("new", 4, 4, 2), [new("old", 0, 0, 1)]),
            []
        },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Plan_TakesKubernetesStep(string scenario, RolloutInput input, ScaleAction[] expected)
    {
        Assert.True(expected.SequenceEqual(RollingUpdatePlanner.Plan(input)), scenario + ": " + string.Join(", ", RollingUpdatePlanner.Plan(input)));
    }

    public static TheoryData<int, int, int> Limits => new()
    {
        { 10, 3, 2 },
        { 10, 1, 0 },
        { 10, 0, 1 },
        { 10, 5, 5 },
        { 3, 1, 0 },
        { 1, 1, 0 },
        { 1, 0, 1 },
        { 100, 25, 25 },
    };

    /// <summary>Drives a whole rollout where pods become available when created, checking the bounds at every step.</summary>
    [Theory]
    [MemberData(nameof(Limits))]
    public void WholeRollout_StaysWithinSurgeAndUnavailability(int desired, int maxSurge, int maxUnavailable)
    {
        var newSet = new ReplicaSetView("new", 0, 0, 2);
        var oldSet = new ReplicaSetView("old", desired, desired, 1);
        for (var step = 0; step < 1000; step++)
        {
            var actions = RollingUpdatePlanner.Plan(new RolloutInput(desired, maxSurge, maxUnavailable, newSet, [oldSet]));
            if (actions.Count == 0)
            {
                break;
            }
            foreach (var action in actions)
            {
                // Scale-ups become available at once; scale-downs remove available pods.
                if (action.ReplicaSet == "new")
                {
                    newSet = newSet with { Replicas = action.Replicas, AvailableReplicas = action.Replicas };
                }
                else
                {
                    oldSet = oldSet with { Replicas = action.Replicas, AvailableReplicas = Math.Min(oldSet.AvailableReplicas, action.Replicas) };
                }
            }
            Assert.InRange(newSet.Replicas + oldSet.Replicas, 0, desired + maxSurge);
            Assert.InRange(newSet.AvailableReplicas + oldSet.AvailableReplicas, desired - maxUnavailable, int.MaxValue);
        }
        Assert.Equal(desired, newSet.Replicas);
        Assert.Equal(0, oldSet.Replicas);
    }

    [Fact]
    public void Recreate_ScalesOldToZero_ThenNewOnceOldPodsAreGone()
    {
        var input = new RolloutInput(3, 0, 0, new("new", 0, 0, 2), [new("old", 3, 3, 1)]);
        Assert.Equal([new ScaleAction("old", 0)], RecreatePlanner.Plan(input, oldPodsRemaining: 3));
        var scaledDown = input with { Old = [new("old", 0, 0, 1)] };
        Assert.Empty(RecreatePlanner.Plan(scaledDown, oldPodsRemaining: 2));
        Assert.Equal([new ScaleAction("new", 3)], RecreatePlanner.Plan(scaledDown, oldPodsRemaining: 0));
    }
}
