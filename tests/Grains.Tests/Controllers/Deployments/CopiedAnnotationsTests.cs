using Actors.Grains.Controllers.Deployments;

namespace Actors.Grains.Tests.Controllers.Deployments;

[Trait("Category", "Unit")]
public sealed class CopiedAnnotationsTests
{
    /// <summary>Annotations as "key=value;key=value" so the table stays readable.</summary>
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "nothing on either side", "", "", "" },
        { "a new set takes the change-cause and any other annotation", "kubernetes.io/change-cause=v2;team=web", "", "kubernetes.io/change-cause=v2;team=web" },
        { "a set that has them all: nothing", "team=web", "team=web;deployment.kubernetes.io/revision=2", "" },
        { "a change-cause annotated after the rollout began: changed", "kubernetes.io/change-cause=v3", "kubernetes.io/change-cause=v2", "kubernetes.io/change-cause=v3" },
        { "kubectl's and the controller's own are never copied",
            "kubectl.kubernetes.io/last-applied-configuration={};deployment.kubernetes.io/revision=7;deployment.kubernetes.io/revision-history=1;deployment.kubernetes.io/desired-replicas=3;deployment.kubernetes.io/max-replicas=4;deprecated.deployment.rollback.to=1",
            "deployment.kubernetes.io/revision=2", "" },
        { "one the Deployment dropped stays on the set", "", "team=web", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Changes_are_the_copied_annotations_the_set_lacks(string scenario, string deployment, string replicaSet, string expected)
    {
        var changes = CopiedAnnotations.Changes(Parse(deployment), Parse(replicaSet));

        Assert.True(Parse(expected).OrderBy(p => p.Key).SequenceEqual(changes.OrderBy(p => p.Key)), $"{scenario}: {string.Join(";", changes)}");
    }

    private static Dictionary<string, string> Parse(string annotations) =>
        annotations.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
