using Actors.Gateway.Api;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class ApiPathTests
{
    [Theory]
    [InlineData("/api", "LegacyVersions", null, null, null, null)]
    [InlineData("/api/", "LegacyVersions", null, null, null, null)]
    [InlineData("/apis", "GroupList", null, null, null, null)]
    [InlineData("/api/v1", "ResourceList", null, null, null, null)]
    [InlineData("/apis/apps/v1", "ResourceList", null, null, null, null)]
    [InlineData("/apis/apps", "Group", null, null, null, null)]
    [InlineData("/api/v1/pods", "Resource", "Pod", null, null, null)]
    [InlineData("/api/v1/namespaces", "Resource", "Namespace", null, null, null)]
    [InlineData("/api/v1/namespaces/team", "Resource", "Namespace", null, "team", null)]
    [InlineData("/api/v1/namespaces/team/status", "Resource", "Namespace", null, "team", "status")]
    [InlineData("/api/v1/namespaces/team/pods", "Resource", "Pod", "team", null, null)]
    [InlineData("/api/v1/namespaces/team/pods/web-1", "Resource", "Pod", "team", "web-1", null)]
    [InlineData("/api/v1/namespaces/team/pods/web-1/status", "Resource", "Pod", "team", "web-1", "status")]
    [InlineData("/apis/apps/v1/namespaces/team/deployments/web/scale", "Resource", "Deployment", "team", "web", "scale")]
    [InlineData("/api/v1/nodes/n1", "Resource", "Node", null, "n1", null)]
    [InlineData("/apis/metrics.k8s.io/v1beta1/nodes/n1", "Resource", "NodeMetrics", null, "n1", null)]
    [InlineData("/apis/metrics.k8s.io/v1beta1/pods", "Resource", "PodMetrics", null, null, null)]
    [InlineData("/apis/metrics.k8s.io/v1beta1/namespaces/team/pods/web-1", "Resource", "PodMetrics", "team", "web-1", null)]
    [InlineData("/apis/metrics.k8s.io/v1beta1/namespaces/team/pods/web-1/log", "NotFound", null, null, null, null)]
    [InlineData("/api/v1/pods/web-1", "NotFound", null, null, null, null)]
    [InlineData("/api/v1/namespaces/team/configmaps/c/scale", "NotFound", null, null, null, null)]
    [InlineData("/api/v1/widgets", "NotFound", null, null, null, null)]
    [InlineData("/api/v2", "NotFound", null, null, null, null)]
    public void Parses(string path, string kind, string? resourceKind, string? ns, string? name, string? subresource)
    {
        var result = ApiPath.Parse(path);

        Assert.Equal(kind, result.Kind.ToString());
        Assert.Equal(resourceKind, result.Target?.Kind.Kind);
        Assert.Equal(ns, result.Target?.Namespace);
        Assert.Equal(name, result.Target?.Name);
        Assert.Equal(subresource, result.Target?.Subresource);
    }

    [Theory]
    [InlineData("GET", "x", false, "get")]
    [InlineData("GET", null, false, "list")]
    [InlineData("GET", null, true, "watch")]
    [InlineData("POST", null, false, "create")]
    [InlineData("PUT", "x", false, "update")]
    [InlineData("PATCH", "x", false, "patch")]
    [InlineData("DELETE", "x", false, "delete")]
    [InlineData("DELETE", null, false, "deletecollection")]
    public void Verbs(string method, string? name, bool watch, string verb)
    {
        var target = ApiPath.Parse("/api/v1/namespaces/a/pods").Target! with { Name = name };

        Assert.Equal(verb, target.Verb(method, watch));
    }

    [Theory]
    [InlineData("application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json", true)]
    [InlineData("application/json", false)]
    [InlineData("application/vnd.kubernetes.protobuf,application/json", false)]
    [InlineData(null, false)]
    public void Table_negotiation(string? accept, bool table) => Assert.Equal(table, ApiResponses.WantsTable(accept));
}
