using Actors.NodeAgent.Agent;

namespace Actors.NodeAgent.Tests.Agent;

[Trait("Category", "Unit")]
public sealed class RestartBackoffTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(5, 80)]
    [InlineData(6, 160)]
    [InlineData(7, 300)]
    [InlineData(8, 300)]
    [InlineData(1000, 300)]
    public void Kubernetes_delays_double_from_10_s_up_to_5_min(int retry, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RestartBackoff.Kubernetes.Delay(retry));

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(5, 8)]
    [InlineData(6, 8)]
    public void The_test_profile_delays_double_from_1_s_up_to_8_s(int retry, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RestartBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)).Delay(retry));

    [Theory]
    [InlineData(30)]
    [InlineData(64)]
    [InlineData(int.MaxValue)]
    public void A_small_base_still_reaches_the_cap(int retry) =>
        Assert.Equal(TimeSpan.FromHours(1), new RestartBackoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1)).Delay(retry));
}
