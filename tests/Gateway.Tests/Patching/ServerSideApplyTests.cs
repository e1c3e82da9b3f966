using System.Text.Json.Nodes;
using Actors.Gateway.Errors;
using Actors.Gateway.Patching;

namespace Actors.Gateway.Tests.Patching;

[Trait("Category", "Unit")]
public sealed class ServerSideApplyTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-22T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    // kubectl-probe/manifests/ssa-demo.yaml and ssa-demo-v2.yaml as kubectl sends them (JSON).
    private static JsonObject Demo(string image, params string[] env) => JsonNode.Parse("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"ssa-demo"},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"ssa-demo"}},
           "template":{"metadata":{"labels":{"app":"ssa-demo"}},
             "spec":{"containers":[{"name":"c","image":"IMAGE","env":[ENV]}]}}}}
        """.Replace("IMAGE", image, StringComparison.Ordinal).Replace("ENV", string.Join(",", env), StringComparison.Ordinal))!.AsObject();

    private static readonly string Keep = """{"name":"KEEP","value":"1"}""";
    private static readonly string Drop = """{"name":"DROP","value":"2"}""";

    [Fact]
    public void Apply_Create_RecordsApplyEntryWithFieldsV1()
    {
        var result = ServerSideApply.Apply("Deployment", "apps/v1", null, Demo("nginx:1.25", Keep, Drop), "kubectl", force: false, Now);

        Assert.True(result.Succeeded);
        var entry = Assert.Single(result.Object!["metadata"]!["managedFields"]!.AsArray())!.AsObject();
        Assert.Equal("kubectl", entry["manager"]!.GetValue<string>());
        Assert.Equal("Apply", entry["operation"]!.GetValue<string>());
        Assert.Equal("apps/v1", entry["apiVersion"]!.GetValue<string>());
        Assert.Equal("2026-11-22T10:00:00Z", entry["time"]!.GetValue<string>());
        Assert.Equal("FieldsV1", entry["fieldsType"]!.GetValue<string>());
        var container = entry["fieldsV1"]!["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!["k:{\"name\":\"c\"}"]!.AsObject();
        Assert.True(container.ContainsKey("."));
        Assert.True(container["f:env"]!.AsObject().ContainsKey("k:{\"name\":\"DROP\"}"));
        Assert.NotNull(entry["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.Null(entry["fieldsV1"]!["f:metadata"]);
        Assert.Null(entry["fieldsV1"]!["f:apiVersion"]);
    }

    [Fact]
    public void Apply_EnvDroppedFromManifest_Disappears()
    {
        var first = ServerSideApply.Apply("Deployment", "apps/v1", null, Demo("nginx:1.25", Keep, Drop), "kubectl", false, Now).Object!;

        var second = ServerSideApply.Apply("Deployment", "apps/v1", first, Demo("nginx:1.26", Keep), "kubectl", false, Now);

        Assert.True(second.Succeeded);
        var container = second.Object!["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx:1.26", container["image"]!.GetValue<string>());
        Assert.Equal("""[{"name":"KEEP","value":"1"}]""", container["env"]!.ToJsonString());
    }

    [Fact]
    public void Apply_Twice_IsIdempotent()
    {
        var first = ServerSideApply.Apply("Deployment", "apps/v1", null, Demo("nginx:1.25", Keep), "kubectl", false, Now).Object!;

        var second = ServerSideApply.Apply("Deployment", "apps/v1", first, Demo("nginx:1.25", Keep), "kubectl", false, Now);

        Assert.True(second.Succeeded);
        Assert.True(JsonEquality.Equal(first, second.Object), second.Object!.ToJsonString());
    }

    /// <summary>An apply that changes nothing keeps the entry's time, so the stored object (and its resourceVersion) stays as it was.</summary>
    [Theory]
    [InlineData("nginx:1.25", "2026-11-22T10:00:00Z")]
    [InlineData("nginx:1.26", "2026-11-22T11:00:00Z")]
    public void Apply_Later_MovesTheTimeOnlyWhenSomethingChanged(string image, string expectedTime)
    {
        var first = ServerSideApply.Apply("Deployment", "apps/v1", null, Demo("nginx:1.25", Keep), "kubectl", false, Now).Object!;

        var later = ServerSideApply.Apply("Deployment", "apps/v1", first, Demo(image, Keep), "kubectl", false, Now.AddHours(1));

        Assert.Equal(expectedTime, later.Object!["metadata"]!["managedFields"]![0]!["time"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_AfterScale_ConflictsNamingTheScaleManager_ForceTakesOwnership()
    {
        var applied = ServerSideApply.Apply("Deployment", "apps/v1", null, Demo("nginx:1.25", Keep), "kubectl", false, Now).Object!;
        var scaledBody = JsonMergePatch.Apply(applied, JsonNode.Parse("""{"spec":{"replicas":4}}"""))!.AsObject();
        var scaled = ServerSideApply.RecordUpdate("Deployment", "apps/v1", applied, scaledBody, "kubectl.1.33", Now, "scale");

        var conflict = ServerSideApply.Apply("Deployment", "apps/v1", scaled, Demo("nginx:1.25", Keep), "kubectl", false, Now);

        Assert.False(conflict.Succeeded);
        Assert.Equal([new ApplyConflict("kubectl.1.33", "apps/v1", ".spec.replicas")], conflict.Conflicts);
        var status = KubeStatus.ApplyConflict(conflict.Conflicts.Select(c => (c.Manager, c.ApiVersion, c.Field)).ToList());
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl.1.33\" using apps/v1: .spec.replicas", status["message"]!.GetValue<string>());

        var forced = ServerSideApply.Apply("Deployment", "apps/v1", scaled, Demo("nginx:1.25", Keep), "kubectl", true, Now);

        Assert.True(forced.Succeeded);
        Assert.Equal(1, forced.Object!["spec"]!["replicas"]!.GetValue<int>());
        var entries = ManagedFieldsEntry.Read(forced.Object!);
        var scaleEntry = entries.SingleOrDefault(e => e.Manager == "kubectl.1.33");
        Assert.True(scaleEntry is null || !scaleEntry.Fields.Paths.Any(p => p.Contains("f:replicas", StringComparison.Ordinal)));
    }

    [Fact]
    public void Apply_ConflictOnContainerImage_UsesKeyedDisplay()
    {
        var applied = ServerSideApply.Apply("Deployment", "apps/v1", null, Demo("nginx:1.25", Keep), "kubectl", false, Now).Object!;
        var patched = StrategicMergePatch.Apply("Deployment", applied, JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"nginx:1.27"}]}}}}""")!.AsObject());
        var set = ServerSideApply.RecordUpdate("Deployment", "apps/v1", applied, patched.Document!.AsObject(), "kubectl-set", Now);

        var result = ServerSideApply.Apply("Deployment", "apps/v1", set, Demo("nginx:1.25", Keep), "kubectl", false, Now);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(".spec.template.spec.containers[name=\"c\"].image", conflict.Field);
        Assert.Equal("kubectl-set", conflict.Manager);
    }

    [Fact]
    public void Apply_FieldsOwnedByAnotherManager_SurviveWhenNotApplied()
    {
        var applied = ServerSideApply.Apply("Deployment", "apps/v1", null, Demo("nginx:1.25", Keep), "kubectl", false, Now).Object!;
        var labelled = JsonMergePatch.Apply(applied, JsonNode.Parse("""{"metadata":{"labels":{"tier":"web"}}}"""))!.AsObject();
        var recorded = ServerSideApply.RecordUpdate("Deployment", "apps/v1", applied, labelled, "kubectl-label", Now);

        var result = ServerSideApply.Apply("Deployment", "apps/v1", recorded, Demo("nginx:1.25", Keep), "kubectl", false, Now);

        Assert.True(result.Succeeded);
        Assert.Equal("web", result.Object!["metadata"]!["labels"]!["tier"]!.GetValue<string>());
        Assert.Contains(ManagedFieldsEntry.Read(result.Object), e => e.Manager == "kubectl-label" && e.Operation == "Update");
    }

    [Fact]
    public void RecordUpdate_Create_OwnsEveryLeaf()
    {
        var created = ServerSideApply.RecordUpdate("Deployment", "apps/v1", null, Demo("nginx:1.25", Keep), "kubectl-create", Now);

        var entry = Assert.Single(ManagedFieldsEntry.Read(created));
        Assert.Equal("Update", entry.Operation);
        Assert.Contains(FieldSet.Join(["f:spec", "f:replicas"]), entry.Fields.Paths);
        Assert.Contains(FieldSet.Join(["f:spec", "f:template", "f:spec", "f:containers", "k:{\"name\":\"c\"}", "f:image"]), entry.Fields.Paths);
    }

    [Fact]
    public void FieldSet_FieldsV1RoundTrip()
    {
        var set = FieldSet.FromObject("Deployment", Demo("nginx:1.25", Keep, Drop));

        var back = FieldSet.FromFieldsV1(JsonNode.Parse(set.ToFieldsV1().ToJsonString()));

        Assert.Equal(set.Paths.Order(StringComparer.Ordinal), back.Paths.Order(StringComparer.Ordinal));
    }
}
