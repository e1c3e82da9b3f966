using Actors.Grains.Controllers.Deployments;

namespace Actors.Grains.Tests.Controllers.Deployments;

[Trait("Category", "Unit")]
public sealed class ProgressDeadlineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DeploymentCondition Progressing(string reason, int updatedSecondsAgo) =>
        new("Progressing", reason == ProgressingCondition.ProgressDeadlineExceeded ? "False" : "True", reason, "", T0.AddSeconds(-updatedSecondsAgo), T0.AddSeconds(-1000));

    public static TheoryData<string, DeploymentCondition?, int, bool> Cases => new()
    {
        { "no condition yet", null, 600, false },
        { "updated within the deadline", Progressing(ProgressingCondition.ReplicaSetUpdated, 599), 600, false },
        { "exactly at the deadline: not yet", Progressing(ProgressingCondition.ReplicaSetUpdated, 600), 600, false },
        { "past the deadline", Progressing(ProgressingCondition.ReplicaSetUpdated, 601), 600, true },
        { "new set created long ago, no progress since", Progressing(ProgressingCondition.NewReplicaSetCreated, 30), 10, true },
        { "a finished rollout never times out", Progressing(ProgressingCondition.NewReplicaSetAvailable, 100_000), 600, false },
        { "once timed out, stays timed out", Progressing(ProgressingCondition.ProgressDeadlineExceeded, 0), 600, true },
        { "no deadline (MaxInt32)", Progressing(ProgressingCondition.ReplicaSetUpdated, 100_000), ProgressDeadline.None, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TimedOut_ComparesLastProgressWithTheDeadline(string scenario, DeploymentCondition? condition, int deadline, bool timedOut)
    {
        Assert.True(timedOut == ProgressDeadline.TimedOut(condition, T0, deadline), scenario);
    }
}
