using Actors.NodeAgent.Runtime.Docker;

namespace Actors.NodeAgent.Tests.Runtime.Docker;

[Trait("Category", "Unit")]
public sealed class SandboxPoolPlanTests
{
    /// <summary>Members as "id:namespace:running|dead".</summary>
    private static PoolMember[] Members(string members) =>
    [
        .. members.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(m => m.Split(':'))
            .Select(p => new PoolMember(p[0], p[1], p[2] == "running")),
    ];

    [Theory]
    [InlineData(3, "", 3, "", "")]
    [InlineData(3, "a:default:running", 2, "a", "")]
    [InlineData(2, "a:default:running b:default:running", 0, "a b", "")]
    // Shrunk (a restart with a smaller size): the excess goes.
    [InlineData(1, "a:default:running b:default:running c:default:running", 0, "a", "b c")]
    // Off: every warm one goes, an earlier run's too.
    [InlineData(0, "a:default:running b:default:dead", 0, "", "a b")]
    [InlineData(0, "", 0, "", "")]
    // Dead ones go and are replaced.
    [InlineData(2, "a:default:dead b:default:running", 1, "b", "a")]
    // Made for another namespace: the wrong DNS search path for the pods now starting.
    [InlineData(2, "a:shop:running b:default:running", 1, "b", "a")]
    public void Plan_keeps_the_running_ones_of_the_namespace_up_to_the_size(int size, string members, int create, string keep, string remove)
    {
        var plan = SandboxPoolPlan.For(size, "default", Members(members));

        Assert.Equal(create, plan.Create);
        Assert.Equal(keep, string.Join(' ', plan.Keep));
        Assert.Equal(remove, string.Join(' ', plan.Remove));
    }

    [Theory]
    [InlineData(3, false, true)]
    [InlineData(0, false, false)]
    [InlineData(3, true, false)]
    public void A_pod_claims_only_from_a_pool_and_only_without_a_hostname_of_its_own(int size, bool hostnameRequested, bool expected) =>
        Assert.Equal(expected, SandboxPoolPlan.MayClaim(size, PodFixtures.Pod() with { HostnameRequested = hostnameRequested }));
}
