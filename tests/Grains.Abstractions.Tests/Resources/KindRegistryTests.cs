using Actors.Grains.Abstractions.Resources;

namespace Actors.Grains.Abstractions.Tests.Resources;

[Trait("Category", "Unit")]
public sealed class KindRegistryTests
{
    [Theory]
    [InlineData("po", "pods", "v1", true)]
    [InlineData("rs", "replicasets", "apps/v1", true)]
    [InlineData("deploy", "deployments", "apps/v1", true)]
    [InlineData("svc", "services", "v1", true)]
    [InlineData("ep", "endpoints", "v1", true)]
    [InlineData("no", "nodes", "v1", false)]
    [InlineData("ns", "namespaces", "v1", false)]
    [InlineData("cm", "configmaps", "v1", true)]
    [InlineData("ev", "events", "v1", true)]
    [InlineData("Deployment", "deployments", "apps/v1", true)]
    [InlineData("deployments.apps", "deployments", "apps/v1", true)]
    [InlineData("lease", "leases", "coordination.k8s.io/v1", true)]
    public void FindByName_ResolvesShortNamesAndKinds(string name, string plural, string apiVersion, bool namespaced)
    {
        var kind = KindRegistry.FindByName(name);

        Assert.NotNull(kind);
        Assert.Equal(plural, kind.Plural);
        Assert.Equal(apiVersion, kind.ApiVersion);
        Assert.Equal(namespaced, kind.Namespaced);
    }

    [Fact]
    public void Lookups_AgreeWithEachOther()
    {
        foreach (var kind in KindRegistry.All)
        {
            Assert.Same(kind, KindRegistry.FindByKind(kind.ApiVersion, kind.Kind));
            Assert.Same(kind, KindRegistry.FindByResource(kind.Group, kind.Version, kind.Plural));
            Assert.Same(kind, KindRegistry.FindByType(kind.ClrType));
            var instance = (KubernetesObject)Activator.CreateInstance(kind.ClrType)!;
            Assert.Equal(kind.Kind, instance.Kind);
            Assert.Equal(kind.ApiVersion, instance.ApiVersion);
        }
    }

    [Fact]
    public void QualifiedNames_MatchErrorMessages()
    {
        Assert.Equal("deployments.apps", KindRegistry.Deployments.QualifiedResource);
        Assert.Equal("pods", KindRegistry.Pods.QualifiedResource);
        Assert.Equal("Deployment.apps", KindRegistry.Deployments.QualifiedKind);
        Assert.Equal("DeploymentList", KindRegistry.Deployments.ListKind);
        Assert.Null(KindRegistry.FindByName("widgets"));
    }
}
