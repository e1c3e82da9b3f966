using System.Text.Json.Nodes;
using Actors.Gateway.Dashboard.Objects;

namespace Actors.Gateway.Tests.Dashboard;

[Trait("Category", "Unit")]
public sealed class ObjectRowsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 10, 0, TimeSpan.Zero);

    private const string Meta = """ "metadata": { "namespace": "web", "name": "app", "generation": 2, "creationTimestamp": "2026-01-01T00:00:00Z" } """;

    public static TheoryData<string, DeploymentRow> DeploymentCases => new()
    {
        // Status not yet written: nothing updated, not rolled out; replicas default to 1.
        { $$"""{ {{Meta}}, "spec": {} }""", new("web", "app", 1, 0, 0, 0, false, false, false, 600, "deployment/web/app") },
        // Mid-rollout: 2 of 3 updated, an old replica still there.
        {
            $$"""{ {{Meta}}, "spec": { "replicas": 3 }, "status": { "observedGeneration": 2, "replicas": 4, "updatedReplicas": 2, "readyReplicas": 3, "availableReplicas": 3 } }""",
            new("web", "app", 3, 2, 3, 3, false, false, false, 600, "deployment/web/app")
        },
        // Done.
        {
            $$"""{ {{Meta}}, "spec": { "replicas": 3 }, "status": { "observedGeneration": 2, "replicas": 3, "updatedReplicas": 3, "readyReplicas": 3, "availableReplicas": 3 } }""",
            new("web", "app", 3, 3, 3, 3, true, false, false, 600, "deployment/web/app")
        },
        // The controller has not seen the latest spec yet: numbers of the old generation do not count as done.
        {
            $$"""{ {{Meta}}, "spec": { "replicas": 3, "paused": true }, "status": { "observedGeneration": 1, "replicas": 3, "updatedReplicas": 3, "readyReplicas": 3, "availableReplicas": 3 } }""",
            new("web", "app", 3, 3, 3, 3, false, false, true, 600, "deployment/web/app")
        },
        // Past its progress deadline: stalled, which kubectl rollout status reports as a failure.
        {
            $$"""{ {{Meta}}, "spec": { "replicas": 3 }, "status": { "observedGeneration": 2, "replicas": 3, "updatedReplicas": 3, "readyReplicas": 0, "availableReplicas": 0, "conditions": [ { "type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded" } ] } }""",
            new("web", "app", 3, 3, 0, 0, false, true, false, 600, "deployment/web/app")
        },
        // Mistyped fields read as zero rather than failing.
        { """{ "metadata": { "name": "x" }, "spec": { "replicas": "many" }, "status": { "updatedReplicas": true } }""", new("", "x", 1, 0, 0, 0, false, false, false, 0, "deployment/x") },
    };

    [Theory]
    [MemberData(nameof(DeploymentCases))]
    public void Deployment_rows_show_rollout_progress(string json, DeploymentRow expected) =>
        Assert.Equal(expected, ObjectRows.Deployment(JsonNode.Parse(json)!.AsObject(), Now));

    private const string PodSpec = """ "spec": { "nodeName": "n1", "containers": [ { "name": "a" }, { "name": "b" } ] } """;

    private const string PodMeta = """
        "metadata": { "namespace": "web", "name": "app-1", "creationTimestamp": "2026-01-01T00:09:00Z",
          "ownerReferences": [ { "kind": "ReplicaSet", "name": "app-5d9", "controller": true } ] }
        """;

    public static TheoryData<string, PodRow> PodCases => new()
    {
        // Unscheduled, no status: Pending on no node; the owner is the controller reference.
        {
            """{ "metadata": { "namespace": "web", "name": "p", "ownerReferences": [ { "kind": "ReplicaSet", "name": "other" }, { "kind": "ReplicaSet", "name": "rs", "controller": true } ] }, "spec": { "containers": [ {} ] } }""",
            new("web", "p", null, "Pending", 0, 1, 0, 0, "pod/web/p", "replicaset/web/rs")
        },
        // Container statuses count readiness and restarts.
        {
            $$"""{ {{PodMeta}}, {{PodSpec}}, "status": { "phase": "Running", "containerStatuses": [ { "ready": true, "restartCount": 2 }, { "ready": false, "restartCount": 1 } ] } }""",
            new("web", "app-1", "n1", "Running", 1, 2, 3, 60, "pod/web/app-1", "replicaset/web/app-5d9")
        },
        // A hollow node's pod has only conditions: Ready means all its containers.
        {
            $$"""{ {{PodMeta}}, {{PodSpec}}, "status": { "phase": "Running", "conditions": [ { "type": "Ready", "status": "True" } ] } }""",
            new("web", "app-1", "n1", "Running", 2, 2, 0, 60, "pod/web/app-1", "replicaset/web/app-5d9")
        },
        // Being deleted reads as kubectl shows it; an owner of a kind without a grain links nowhere.
        {
            """{ "metadata": { "namespace": "j", "name": "p", "deletionTimestamp": "2026-01-01T00:09:00Z", "ownerReferences": [ { "kind": "Job", "name": "j", "controller": true } ] }, "status": { "phase": "Running" } }""",
            new("j", "p", null, "Terminating", 0, 0, 0, 0, "pod/j/p", null)
        },
    };

    [Theory]
    [MemberData(nameof(PodCases))]
    public void Pod_rows_show_node_phase_restarts_and_age(string json, PodRow expected) =>
        Assert.Equal(expected, ObjectRows.Pod(JsonNode.Parse(json)!.AsObject(), Now));

    private const string Node = """
        { "metadata": { "name": "n1", "labels": { "actors.io/hollow": "true" }, "creationTimestamp": "2026-01-01T00:00:00Z" },
          "status": { "allocatable": { "cpu": "4", "memory": "8Gi", "pods": "10" }, "conditions": [ { "type": "Ready", "status": "True" } ] } }
        """;

    private static string PodWith(string requests, string phase = "Running") =>
        $$"""{ "spec": { "containers": [ { "resources": {{requests}} } ] }, "status": { "phase": "{{phase}}" } }""";

    public static TheoryData<string, string[], NodeRow> NodeCases => new()
    {
        { Node, [], new("n1", true, false, true, 0, 10, 0, 4000, 0, 8L << 30, 600, "node/n1") },
        // Requests sum over pods and containers; limits stand in for missing requests; finished pods hold nothing.
        {
            Node,
            [
                PodWith("""{ "requests": { "cpu": "250m", "memory": "128Mi" } }"""),
                PodWith("""{ "limits": { "cpu": "1", "memory": "1Gi" } }"""),
                PodWith("""{ "requests": { "cpu": "2" } }""", "Succeeded"),
            ],
            new("n1", true, false, true, 2, 10, 1250, 4000, (128L << 20) + (1L << 30), 8L << 30, 600, "node/n1")
        },
        // Not ready, cordoned, no allocatable: the kubelet's default pod count, zero capacity.
        {
            """{ "metadata": { "name": "n2" }, "spec": { "unschedulable": true }, "status": { "conditions": [ { "type": "Ready", "status": "Unknown" } ] } }""",
            [],
            new("n2", false, true, false, 0, 110, 0, 0, 0, 0, 0, "node/n2")
        },
    };

    [Theory]
    [MemberData(nameof(NodeCases))]
    public void Node_rows_show_readiness_and_allocation(string json, string[] pods, NodeRow expected) =>
        Assert.Equal(expected, ObjectRows.Node(JsonNode.Parse(json)!.AsObject(), pods.Select(p => JsonNode.Parse(p)!.AsObject()).ToArray(), Now));

    [Theory]
    [InlineData("Pod", "web", "a", "pod/web/a")]
    [InlineData("Node", "", "n1", "node/n1")]
    [InlineData("ReplicaSet", "web", "rs", "replicaset/web/rs")]
    [InlineData("Job", "web", "j", null)]
    public void Grain_ids_follow_the_grain_type_names(string kind, string ns, string name, string? expected) =>
        Assert.Equal(expected, ObjectRows.GrainOf(kind, ns, name));

    [Theory]
    [InlineData(null, null, null, null, 0, ObjectQuery.DefaultLimit, null)]
    [InlineData("web", "100", "20", "web", 100, 20, null)]
    [InlineData("", "", "", null, 0, ObjectQuery.DefaultLimit, null)]
    [InlineData(null, "-1", null, null, 0, 0, "offset must be a whole number from 0 to 10000, not '-1'.")]
    [InlineData(null, "10001", null, null, 0, 0, "offset must be a whole number from 0 to 10000, not '10001'.")]
    [InlineData(null, null, "0", null, 0, 0, "limit must be a whole number from 1 to 500, not '0'.")]
    [InlineData(null, null, "lots", null, 0, 0, "limit must be a whole number from 1 to 500, not 'lots'.")]
    public void Object_queries_are_checked(string? ns, string? offset, string? limit, string? expectedNs, int expectedOffset, int expectedLimit, string? expectedError)
    {
        var (query, error) = ObjectQuery.Parse(ns, offset, limit);

        Assert.Equal(expectedError, error);
        Assert.Equal(expectedError is null ? new ObjectQuery(expectedNs, expectedOffset, expectedLimit) : null, query);
    }
}
