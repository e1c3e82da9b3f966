using System.Text.Json.Nodes;
using Actors.Gateway.Patching;

namespace Actors.Gateway.Tests.Patching;

[Trait("Category", "Unit")]
public sealed class StrategicMergePatchTests
{
    private const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"nginx","labels":{"app":"nginx"},"finalizers":["a"]},
         "spec":{"replicas":3,"paused":true,
           "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
           "template":{"metadata":{"labels":{"app":"nginx"}},
             "spec":{"containers":[
               {"name":"nginx","image":"nginx:1.20","ports":[{"containerPort":80,"protocol":"TCP"}],
                "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"volumeMounts":[{"name":"data","mountPath":"/data"}]},
               {"name":"sidecar","image":"busybox"}],
               "tolerations":[{"key":"k1","operator":"Exists"}],
               "volumes":[{"name":"data","emptyDir":{}}]}}}}
        """;

    public static TheoryData<string, string, string, string> Cases => new()
    {
        {
            "set image (kubectl-set)",
            Deployment,
            """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.21","name":"nginx"}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.21","ports":[{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"volumeMounts":[{"name":"data","mountPath":"/data"}]},{"name":"sidecar","image":"busybox"}]}}}}"""
        },
        {
            "rollout restart",
            Deployment,
            """{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-22T07:55:38Z"}}}}}""",
            """{"spec":{"template":{"metadata":{"labels":{"app":"nginx"},"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-22T07:55:38Z"}}}}}"""
        },
        {
            "rollout resume deletes with null",
            Deployment,
            """{"spec":{"paused":null}}""",
            """{"spec":{"paused":"<absent>"}}"""
        },
        {
            "scale and label",
            Deployment,
            """{"metadata":{"labels":{"tier":"web"}},"spec":{"replicas":5}}""",
            """{"metadata":{"labels":{"app":"nginx","tier":"web"}},"spec":{"replicas":5}}"""
        },
        {
            "re-apply: env A changed, env B deleted, element order",
            Deployment,
            """{"spec":{"replicas":3,"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"$setElementOrder/env":[{"name":"A"}],"env":[{"name":"A","value":"one"},{"$patch":"delete","name":"B"}],"image":"nginx:1.20","name":"nginx"}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.20","ports":[{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A","value":"one"}],"volumeMounts":[{"name":"data","mountPath":"/data"}]},{"name":"sidecar","image":"busybox"}]}}}}"""
        },
        {
            "container ports merge by containerPort",
            Deployment,
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":80,"name":"http"},{"containerPort":443}]}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.20","ports":[{"containerPort":80,"protocol":"TCP","name":"http"},{"containerPort":443}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"volumeMounts":[{"name":"data","mountPath":"/data"}]},{"name":"sidecar","image":"busybox"}]}}}}"""
        },
        {
            "new container appended, element order puts it first",
            Deployment,
            """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"init"},{"name":"nginx"},{"name":"sidecar"}],"containers":[{"name":"init","image":"alpine"}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"init","image":"alpine"},{"name":"nginx","image":"nginx:1.20","ports":[{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"volumeMounts":[{"name":"data","mountPath":"/data"}]},{"name":"sidecar","image":"busybox"}]}}}}"""
        },
        {
            "container deleted with $patch delete",
            Deployment,
            """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.20","ports":[{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"volumeMounts":[{"name":"data","mountPath":"/data"}]}]}}}}"""
        },
        {
            "volumeMounts merge by mountPath, volumes by name",
            Deployment,
            """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","volumeMounts":[{"name":"data","mountPath":"/d"}]}],"volumes":[{"name":"cfg","configMap":{"name":"c"}}]}}}}""",
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.20","ports":[{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"volumeMounts":[{"name":"data","mountPath":"/data"}]},{"name":"sidecar","image":"busybox","volumeMounts":[{"name":"data","mountPath":"/d"}]}],"volumes":[{"name":"data","emptyDir":{}},{"name":"cfg","configMap":{"name":"c"}}]}}}}"""
        },
        {
            "tolerations are replaced atomically",
            Deployment,
            """{"spec":{"template":{"spec":{"tolerations":[{"key":"k2","operator":"Exists"}]}}}}""",
            """{"spec":{"template":{"spec":{"tolerations":[{"key":"k2","operator":"Exists"}]}}}}"""
        },
        {
            "$retainKeys on strategy",
            Deployment,
            """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate","rollingUpdate":null}}}""",
            """{"spec":{"strategy":{"type":"Recreate"}}}"""
        },
        {
            "$patch replace on a map",
            Deployment,
            """{"metadata":{"labels":{"$patch":"replace","only":"this"}}}""",
            """{"metadata":{"labels":{"only":"this"}}}"""
        },
        {
            "$patch delete on a map",
            Deployment,
            """{"spec":{"strategy":{"$patch":"delete"}}}""",
            """{"spec":{"strategy":"<absent>"}}"""
        },
        {
            "$patch replace in a keyed list",
            Deployment,
            """{"spec":{"template":{"spec":{"volumes":[{"name":"x","emptyDir":{}},{"$patch":"replace"}]}}}}""",
            """{"spec":{"template":{"spec":{"volumes":[{"name":"x","emptyDir":{}}]}}}}"""
        },
        {
            "finalizers merge as a set",
            Deployment,
            """{"metadata":{"finalizers":["b","a"]}}""",
            """{"metadata":{"finalizers":["a","b"]}}"""
        },
        {
            "$deleteFromPrimitiveList/finalizers",
            Deployment,
            """{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}""",
            """{"metadata":{"finalizers":[]}}"""
        },
        {
            "Service ports merge by port",
            """{"kind":"Service","spec":{"ports":[{"name":"http","port":80,"targetPort":8080,"protocol":"TCP"},{"name":"https","port":443}]}}""",
            """{"spec":{"ports":[{"port":80,"targetPort":9090}]}}""",
            """{"spec":{"ports":[{"name":"http","port":80,"targetPort":9090,"protocol":"TCP"},{"name":"https","port":443}]}}"""
        },
        {
            "conditions merge by type",
            """{"kind":"Deployment","status":{"conditions":[{"type":"Available","status":"False"},{"type":"Progressing","status":"True"}]}}""",
            """{"status":{"conditions":[{"type":"Available","status":"True"}]}}""",
            """{"status":{"conditions":[{"type":"Available","status":"True"},{"type":"Progressing","status":"True"}]}}"""
        },
        {
            "ownerReferences merge by uid",
            """{"kind":"ReplicaSet","metadata":{"ownerReferences":[{"uid":"1","name":"a"}]}}""",
            """{"metadata":{"ownerReferences":[{"uid":"2","name":"b"}]}}""",
            """{"metadata":{"ownerReferences":[{"uid":"1","name":"a"},{"uid":"2","name":"b"}]}}"""
        },
        {
            "cordon on a node",
            """{"kind":"Node","metadata":{"name":"node-1"},"spec":{"podCIDR":"10.0.0.0/24"}}""",
            """{"spec":{"unschedulable":true}}""",
            """{"spec":{"podCIDR":"10.0.0.0/24","unschedulable":true}}"""
        },
        {
            "Pod containers merge by name at spec.containers",
            """{"kind":"Pod","spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}""",
            """{"spec":{"containers":[{"name":"b","image":"z"}]}}""",
            """{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"z"}]}}"""
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_ProducesExpectedFields(string name, string original, string patch, string expected)
    {
        var originalNode = JsonNode.Parse(original)!.AsObject();
        var kind = originalNode["kind"]!.GetValue<string>();
        var before = originalNode.ToJsonString();

        var result = StrategicMergePatch.Apply(kind, originalNode, JsonNode.Parse(patch)!.AsObject());

        Assert.True(result.Succeeded, $"{name}: {result.Error?.Message}");
        AssertContains(name, JsonNode.Parse(expected)!.AsObject(), result.Document!.AsObject(), string.Empty);
        Assert.DoesNotContain("$", result.Document!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, originalNode.ToJsonString());
    }

    [Theory]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}""", "spec.template.spec.containers")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":["x"]}}}}""", "spec.template.spec.containers")]
    [InlineData("""{"spec":{"$patch":"explode"}}""", "spec")]
    [InlineData("""{"spec":{"strategy":{"$retainKeys":"type"}}}""", "spec.strategy")]
    public void Apply_InvalidPatch_IsAnErrorNamingThePath(string patch, string path)
    {
        var result = StrategicMergePatch.Apply("Deployment", JsonNode.Parse(Deployment)!.AsObject(), JsonNode.Parse(patch)!.AsObject());

        Assert.False(result.Succeeded);
        Assert.Equal(path, result.Error.Path);
        Assert.Contains(path, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_ServicePortsAndContainerPortsUseDifferentKeys()
    {
        Assert.Equal("port", StrategicMergeSchema.Lookup("Service", "spec.ports").MergeKey);
        Assert.Equal("containerPort", StrategicMergeSchema.Lookup("Deployment", "spec.template.spec.containers.ports").MergeKey);
        Assert.Equal("containerPort", StrategicMergeSchema.Lookup("Pod", "spec.containers.ports").MergeKey);
        Assert.Equal(ListMergeStrategy.Replace, StrategicMergeSchema.Lookup("Pod", "spec.tolerations").Strategy);
        Assert.Equal(ListMergeStrategy.MergeSet, StrategicMergeSchema.Lookup("ConfigMap", "metadata.finalizers").Strategy);
    }

    // Every member of expected must equal the result's (objects recursively); "<absent>" means the key must be gone.
    private static void AssertContains(string name, JsonObject expected, JsonObject actual, string path)
    {
        foreach (var (key, value) in expected)
        {
            var childPath = $"{path}.{key}";
            if (value is JsonValue marker && marker.TryGetValue(out string? text) && text == "<absent>")
            {
                Assert.False(actual.ContainsKey(key), $"{name}: {childPath} should be absent in {actual.ToJsonString()}");
                continue;
            }

            Assert.True(actual.TryGetPropertyValue(key, out var actualValue), $"{name}: {childPath} missing in {actual.ToJsonString()}");
            if (value is JsonObject expectedChild && actualValue is JsonObject actualChild)
            {
                AssertContains(name, expectedChild, actualChild, childPath);
            }
            else
            {
                Assert.True(JsonEquality.Equal(value, actualValue), $"{name}: {childPath} expected {value?.ToJsonString()} got {actualValue?.ToJsonString()}");
            }
        }
    }
}
