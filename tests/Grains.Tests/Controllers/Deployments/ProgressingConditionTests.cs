using Actors.Grains.Controllers.Deployments;

namespace Actors.Grains.Tests.Controllers.Deployments;

[Trait("Category", "Unit")]
public sealed class ProgressingConditionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 10, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Earlier = Now.AddSeconds(-30);
    private static readonly DateTimeOffset LongAgo = Now.AddSeconds(-700);

    private static DeploymentCondition Condition(string status, string reason, DateTimeOffset updated) =>
        new("Progressing", status, reason, "", updated, LongAgo.AddSeconds(-1));

    private static ProgressInput Input(
        DeploymentCondition? current,
        RolloutCounts? before = null,
        RolloutCounts? after = null,
        bool paused = false,
        int deadline = 600,
        bool created = false) =>
        new(current, before ?? new(3, 1, 3, 3), after ?? new(3, 1, 3, 3), 3, paused, deadline, "web-abc", created, Now);

    /// <summary>The expected condition: status, reason, whether lastUpdateTime is now, whether lastTransitionTime is now (null: no condition).</summary>
    public static TheoryData<string, ProgressInput, string?, string?, bool, bool> Cases => new()
    {
        { "no deadline: the condition is removed", Input(Condition("True", "ReplicaSetUpdated", Earlier), deadline: ProgressDeadline.None), null, null, false, false },
        { "new set created this pass", Input(Condition("True", "NewReplicaSetAvailable", LongAgo), created: true), "True", "NewReplicaSetCreated", true, false },
        { "first sight of an existing set", Input(null), "True", "FoundNewReplicaSet", true, true },
        { "more updated replicas: progress refreshes lastUpdateTime", Input(Condition("True", "ReplicaSetUpdated", Earlier), after: new(3, 2, 3, 3)), "True", "ReplicaSetUpdated", true, false },
        { "fewer old replicas is progress", Input(Condition("True", "ReplicaSetUpdated", Earlier), before: new(4, 1, 3, 3), after: new(3, 1, 3, 3)), "True", "ReplicaSetUpdated", true, false },
        { "more ready is progress", Input(Condition("True", "ReplicaSetUpdated", Earlier), after: new(3, 1, 4, 3)), "True", "ReplicaSetUpdated", true, false },
        { "no progress within the deadline: unchanged", Input(Condition("True", "ReplicaSetUpdated", Earlier)), "True", "ReplicaSetUpdated", false, false },
        { "no progress past the deadline: timed out", Input(Condition("True", "ReplicaSetUpdated", LongAgo)), "False", "ProgressDeadlineExceeded", true, true },
        { "timed out stays timed out", Input(Condition("False", "ProgressDeadlineExceeded", Earlier)), "False", "ProgressDeadlineExceeded", false, false },
        { "progress after a timeout: progressing again", Input(Condition("False", "ProgressDeadlineExceeded", Earlier), after: new(3, 2, 3, 3)), "True", "ReplicaSetUpdated", true, true },
        { "all updated and available: complete", Input(Condition("True", "ReplicaSetUpdated", Earlier), after: new(3, 3, 3, 3)), "True", "NewReplicaSetAvailable", true, false },
        { "complete and scaling: stays complete", Input(Condition("True", "NewReplicaSetAvailable", LongAgo), after: new(2, 2, 2, 2)), "True", "NewReplicaSetAvailable", false, false },
        { "paused: Unknown, and never times out", Input(Condition("True", "ReplicaSetUpdated", LongAgo), paused: true), "Unknown", "DeploymentPaused", true, true },
        { "still paused: unchanged", Input(Condition("Unknown", "DeploymentPaused", LongAgo), paused: true), "Unknown", "DeploymentPaused", false, false },
        { "resumed: the deadline counts from now (still Unknown, so no transition)", Input(Condition("Unknown", "DeploymentPaused", LongAgo)), "Unknown", "DeploymentResumed", true, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Next_FollowsKubernetesProgressRules(string scenario, ProgressInput input, string? status, string? reason, bool updatedNow, bool transitionedNow)
    {
        var next = ProgressingCondition.Next(input);
        if (status is null)
        {
            Assert.True(next is null, scenario);
            return;
        }
        Assert.True(next is not null, scenario);
        Assert.True(status == next.Status && reason == next.Reason, $"{scenario}: {next.Status} {next.Reason}");
        Assert.True(updatedNow == (next.LastUpdateTime == Now), $"{scenario}: lastUpdateTime {next.LastUpdateTime}");
        Assert.True(transitionedNow == (next.LastTransitionTime == Now), $"{scenario}: lastTransitionTime {next.LastTransitionTime}");
    }

    [Fact]
    public void Next_TimedOut_NamesTheReplicaSet()
    {
        var next = ProgressingCondition.Next(Input(Condition("True", "ReplicaSetUpdated", LongAgo)));
        Assert.Equal("ReplicaSet \"web-abc\" has timed out progressing.", next!.Message);
    }
}
