using System.Text.Json.Nodes;
using Actors.Gateway.Api;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class ObjectPipelineTests
{
    /// <summary>A pod as a ReplicaSet writes it: straight to its grain, so without the defaults an API create adds.</summary>
    private static JsonObject ControllerPod(string app) => JsonNode.Parse($$$"""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-x","namespace":"default","labels":{"app":"{{{app}}}"}},
         "spec":{"nodeName":"n1","containers":[{"name":"web","image":"busybox:1"}]}}
        """)!.AsObject();

    [Fact]
    public void Update_OfAPodWrittenWithoutDefaults_ChangingOnlyLabels_IsValid()
    {
        var prepared = ObjectPipeline.Prepare(KindRegistry.Pods, ControllerPod("other"), ControllerPod("web"));
        Assert.Equal("other", (string?)prepared["metadata"]?["labels"]?["app"]);
        Assert.Equal("default", (string?)prepared["spec"]?["serviceAccountName"]);
    }

    [Fact]
    public void Empty_labels_and_annotations_are_kept_as_none_as_Kubernetes_omits_them()
    {
        var configMap = JsonNode.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default","labels":{},"annotations":{}},"data":{"a":"b"}}""")!.AsObject();

        var prepared = ObjectPipeline.Prepare(KindRegistry.ConfigMaps, configMap, null);

        Assert.False(prepared["metadata"]!.AsObject().ContainsKey("labels"));
        Assert.False(prepared["metadata"]!.AsObject().ContainsKey("annotations"));
    }

    [Fact]
    public void Update_ChangingAPodsSpec_IsStillForbidden()
    {
        var changed = ControllerPod("web");
        changed["spec"]!["nodeName"] = "n2";
        var error = Assert.Throws<KubeStatusException>(() => ObjectPipeline.Prepare(KindRegistry.Pods, changed, ControllerPod("web")));
        Assert.Contains("pod updates may not change fields", error.Status.ToJsonString());
    }
}
