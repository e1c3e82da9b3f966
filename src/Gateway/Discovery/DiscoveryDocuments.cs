using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Gateway.Discovery;

/// <summary>The legacy discovery documents (KUBECTL-API.md §3, §4), all built from <see cref="KindRegistry"/>.</summary>
internal static class DiscoveryDocuments
{
    private static readonly string[] SubresourceVerbs = ["get", "patch", "update"];

    /// <summary>1.33 so that the kubectl dispatcher runs kubectl 1.33 (§3.1); every field non-null for the Python client.</summary>
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "33",
        ["gitVersion"] = "v1.33.1",
        ["gitCommit"] = "8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-05-15T08:19:45Z",
        ["goVersion"] = "go1.24.2",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    /// <summary>The named groups (core is under <c>/api</c>), each with its versions, the first preferred.</summary>
    public static JsonObject ApiGroupList()
    {
        var groups = new JsonArray();
        foreach (var group in Groups())
        {
            groups.Add(Group(group.Key)!);
        }
        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    /// <summary>One group for <c>/apis/{group}</c>; null when the group is not served.</summary>
    public static JsonObject? Group(string name)
    {
        var versions = KindRegistry.Served.Where(k => k.Group == name && name.Length > 0).Select(k => k.Version).Distinct().ToList();
        if (versions.Count == 0)
        {
            return null;
        }
        var array = new JsonArray();
        foreach (var version in versions)
        {
            array.Add(GroupVersion(name, version));
        }
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = name,
            ["versions"] = array,
            ["preferredVersion"] = GroupVersion(name, versions[0]),
        };
    }

    /// <summary>The APIResourceList of one group/version (<c>""</c> for core); null when not served.</summary>
    public static JsonObject? ResourceList(string group, string version)
    {
        var kinds = KindRegistry.Served.Where(k => k.Group == group && k.Version == version).ToList();
        if (kinds.Count == 0)
        {
            return null;
        }
        var resources = new JsonArray();
        foreach (var kind in kinds)
        {
            resources.Add(Resource(kind));
            foreach (var sub in kind.Subresources)
            {
                resources.Add(Subresource(kind, sub));
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = kinds[0].ApiVersion,
            ["resources"] = resources,
        };
    }

    private static IEnumerable<IGrouping<string, ResourceKind>> Groups() =>
        KindRegistry.Served.Where(k => k.Group.Length > 0).GroupBy(k => k.Group);

    private static JsonObject GroupVersion(string group, string version) =>
        new() { ["groupVersion"] = group + "/" + version, ["version"] = version };

    private static JsonObject Resource(ResourceKind kind)
    {
        var resource = new JsonObject
        {
            ["name"] = kind.Plural,
            ["singularName"] = kind.Singular,
            ["namespaced"] = kind.Namespaced,
            ["kind"] = kind.Kind,
            ["verbs"] = KubeJson.Strings(kind.Verbs),
            ["shortNames"] = KubeJson.Strings(kind.ShortNames),
        };
        if (kind.Categories.Count > 0)
        {
            resource["categories"] = KubeJson.Strings(kind.Categories);
        }
        return resource;
    }

    private static JsonObject Subresource(ResourceKind kind, string sub)
    {
        var entry = new JsonObject
        {
            ["name"] = kind.Plural + "/" + sub,
            ["singularName"] = "",
            ["namespaced"] = kind.Namespaced,
        };
        var (group, version, responseKind, verbs) = sub switch
        {
            "scale" => ("autoscaling", "v1", "Scale", SubresourceVerbs),
            "eviction" => ("policy", "v1", "Eviction", ["create"]),
            "log" => (null, null, kind.Kind, ["get"]),
            "exec" or "attach" or "portforward" => (null, null, sub switch { "exec" => "PodExecOptions", "attach" => "PodAttachOptions", _ => "PodPortForwardOptions" }, ["create", "get"]),
            "binding" => (null, null, "Binding", ["create"]),
            "proxy" => (null, null, kind.Kind + "ProxyOptions", ["create", "delete", "get", "patch", "update"]),
            "finalize" => (null, null, kind.Kind, ["update"]),
            _ => ((string?)null, (string?)null, kind.Kind, SubresourceVerbs),
        };
        if (group is not null)
        {
            entry["group"] = group;
            entry["version"] = version;
        }
        entry["kind"] = responseKind;
        entry["verbs"] = KubeJson.Strings(verbs);
        return entry;
    }
}
