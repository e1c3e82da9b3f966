using System.Text.Json.Nodes;
using Actors.Grains.Controllers.Services;

namespace Actors.Grains.Tests.Controllers.Services;

[Trait("Category", "Unit")]
public sealed class EndpointsPlannerTests
{
    private static JsonObject Service(string spec, string labels = "{}") => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "default", ["labels"] = JsonNode.Parse(labels) },
        ["spec"] = JsonNode.Parse(spec),
    };

    private static JsonObject Pod(string name, string? ip, bool ready = true, string phase = "Running", string app = "web", string ns = "default",
        bool deleting = false, string containerPorts = "[]", string node = "node-a")
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns, ["uid"] = "uid-" + name, ["labels"] = new JsonObject { ["app"] = app } };
        if (deleting)
        {
            metadata["deletionTimestamp"] = "2026-01-01T00:00:00Z";
        }
        return new JsonObject
        {
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["nodeName"] = node,
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["ports"] = JsonNode.Parse(containerPorts) }),
            },
            ["status"] = new JsonObject
            {
                ["phase"] = phase,
                ["podIP"] = ip,
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
            },
        };
    }

    private static string Address(string name, string ip, string node = "node-a") => new JsonObject
    {
        ["ip"] = ip,
        ["nodeName"] = node,
        ["targetRef"] = new JsonObject { ["kind"] = "Pod", ["namespace"] = "default", ["name"] = name, ["uid"] = "uid-" + name },
    }.ToJsonString();

    private const string Http = """[{"name":"http","containerPort":8080,"protocol":"TCP"}]""";

    public static TheoryData<string, string, JsonObject[], string?> PlanCases => new()
    {
        {
            "ready pods by IP, targetPort as the port",
            """{"selector":{"app":"web"},"clusterIP":"10.96.1.1","ports":[{"port":80,"targetPort":8080,"protocol":"TCP"}]}""",
            [Pod("b", "10.244.0.9"), Pod("a", "10.244.0.10")],
            $$"""[{"addresses":[{{Address("a", "10.244.0.10")}},{{Address("b", "10.244.0.9")}}],"ports":[{"port":8080,"protocol":"TCP"}]}]"""
        },
        {
            "not ready pods are notReadyAddresses",
            """{"selector":{"app":"web"},"clusterIP":"10.96.1.1","ports":[{"name":"web","port":80,"targetPort":80,"protocol":"TCP"}]}""",
            [Pod("a", "10.244.0.1"), Pod("b", "10.244.0.2", ready: false)],
            $$"""[{"addresses":[{{Address("a", "10.244.0.1")}}],"notReadyAddresses":[{{Address("b", "10.244.0.2")}}],"ports":[{"name":"web","port":80,"protocol":"TCP"}]}]"""
        },
        {
            "pods without an IP, finished, terminating or not selected are left out",
            """{"selector":{"app":"web"},"clusterIP":"10.96.1.1","ports":[{"port":80,"targetPort":80}]}""",
            [Pod("a", null), Pod("b", "10.244.0.2", phase: "Succeeded"), Pod("c", "10.244.0.3", phase: "Failed"), Pod("d", "10.244.0.4", deleting: true),
             Pod("e", "10.244.0.5", app: "db"), Pod("f", "10.244.0.6", ns: "other")],
            null
        },
        {
            "a named targetPort resolves per pod; pods with other ports get their own subset",
            """{"selector":{"app":"web"},"clusterIP":"10.96.1.1","ports":[{"port":80,"targetPort":"http","protocol":"TCP"}]}""",
            [Pod("a", "10.244.0.1", containerPorts: Http), Pod("b", "10.244.0.2", containerPorts: """[{"name":"http","containerPort":9090}]""")],
            $$"""[{"addresses":[{{Address("a", "10.244.0.1")}}],"ports":[{"port":8080,"protocol":"TCP"}]},{"addresses":[{{Address("b", "10.244.0.2")}}],"ports":[{"port":9090,"protocol":"TCP"}]}]"""
        },
        {
            "a pod without the named port is left out",
            """{"selector":{"app":"web"},"clusterIP":"10.96.1.1","ports":[{"port":80,"targetPort":"http","protocol":"TCP"}]}""",
            [Pod("a", "10.244.0.1", containerPorts: Http), Pod("b", "10.244.0.2"), Pod("c", "10.244.0.3", containerPorts: """[{"name":"http","containerPort":8080,"protocol":"UDP"}]""")],
            $$"""[{"addresses":[{{Address("a", "10.244.0.1")}}],"ports":[{"port":8080,"protocol":"TCP"}]}]"""
        },
        {
            "several ports, in service order",
            """{"selector":{"app":"web"},"clusterIP":"10.96.1.1","ports":[{"name":"web","port":80,"targetPort":"http","protocol":"TCP"},{"name":"dns","port":53,"targetPort":53,"protocol":"UDP","appProtocol":"dns"}]}""",
            [Pod("a", "10.244.0.1", containerPorts: Http)],
            $$"""[{"addresses":[{{Address("a", "10.244.0.1")}}],"ports":[{"name":"web","port":8080,"protocol":"TCP"},{"name":"dns","port":53,"protocol":"UDP","appProtocol":"dns"}]}]"""
        },
        {
            "publishNotReadyAddresses makes every pod an address",
            """{"selector":{"app":"web"},"clusterIP":"10.96.1.1","publishNotReadyAddresses":true,"ports":[{"port":80,"targetPort":80,"protocol":"TCP"}]}""",
            [Pod("a", "10.244.0.1", ready: false)],
            $$"""[{"addresses":[{{Address("a", "10.244.0.1")}}],"ports":[{"port":80,"protocol":"TCP"}]}]"""
        },
        {
            "headless without ports lists addresses only",
            """{"selector":{"app":"web"},"clusterIP":"None"}""",
            [Pod("a", "10.244.0.1", node: "node-b")],
            $$"""[{"addresses":[{{Address("a", "10.244.0.1", "node-b")}}]}]"""
        },
    };

    [Theory]
    [MemberData(nameof(PlanCases))]
    public void Plan_ListsTheSelectedPods(string scenario, string spec, JsonObject[] pods, string? subsets)
    {
        var endpoints = EndpointsPlanner.Plan(Service(spec), pods)!;

        Assert.Equal(("web", "default"), ((string?)endpoints["metadata"]!["name"], (string?)endpoints["metadata"]!["namespace"]));
        Assert.True(JsonNode.DeepEquals(subsets is null ? null : JsonNode.Parse(subsets), endpoints["subsets"]),
            $"{scenario}: {endpoints["subsets"]?.ToJsonString() ?? "no subsets"}");
    }

    [Fact]
    public void Plan_WithoutASelector_LeavesTheEndpointsToTheUser()
    {
        Assert.Null(EndpointsPlanner.Plan(Service("""{"clusterIP":"10.96.0.1","ports":[{"port":443}]}"""), [Pod("a", "10.244.0.1")]));
        Assert.Null(EndpointsPlanner.Plan(Service("""{"selector":{},"clusterIP":"10.96.0.1","ports":[{"port":443}]}"""), [Pod("a", "10.244.0.1")]));
    }

    [Theory]
    [InlineData("10.96.1.1", """{"app":"web"}""", """{"app":"web"}""")]
    [InlineData("None", """{"app":"web"}""", """{"app":"web","service.kubernetes.io/headless":""}""")]
    [InlineData("10.96.1.1", """{"service.kubernetes.io/headless":""}""", null)]
    public void Plan_CopiesTheServiceLabels_MarkingHeadless(string clusterIP, string serviceLabels, string? endpointLabels)
    {
        var endpoints = EndpointsPlanner.Plan(Service($$"""{"selector":{"app":"web"},"clusterIP":"{{clusterIP}}","ports":[{"port":80}]}""", serviceLabels), [])!;

        Assert.True(JsonNode.DeepEquals(endpointLabels is null ? null : JsonNode.Parse(endpointLabels), endpoints["metadata"]!["labels"]), endpoints.ToJsonString());
    }

    [Fact]
    public void IsCurrent_ComparesSubsetsAndLabels_NotMetadata()
    {
        var service = Service("""{"selector":{"app":"web"},"clusterIP":"10.96.1.1","ports":[{"port":80,"targetPort":80}]}""", """{"tier":"front"}""");
        var desired = EndpointsPlanner.Plan(service, [Pod("a", "10.244.0.1")])!;
        var stored = desired.DeepClone().AsObject();
        stored["metadata"]!["resourceVersion"] = "42";
        stored["metadata"]!["uid"] = "e1";

        Assert.True(EndpointsPlanner.IsCurrent(stored, desired));
        Assert.False(EndpointsPlanner.IsCurrent(stored, EndpointsPlanner.Plan(service, [Pod("a", "10.244.0.2")])!));
        Assert.False(EndpointsPlanner.IsCurrent(stored, EndpointsPlanner.Plan(Service(service["spec"]!.ToJsonString()), [Pod("a", "10.244.0.1")])!));
    }

    public static TheoryData<string, JsonObject?, JsonObject?, bool> ViewCases => new()
    {
        { "created without an IP", null, Pod("a", null), false },
        { "given an IP", Pod("a", null), Pod("a", "10.244.0.1"), true },
        { "became ready", Pod("a", "10.244.0.1", ready: false), Pod("a", "10.244.0.1"), true },
        { "relabelled", Pod("a", "10.244.0.1"), Pod("a", "10.244.0.1", app: "db"), true },
        { "started terminating", Pod("a", "10.244.0.1"), Pod("a", "10.244.0.1", deleting: true), true },
        { "deleted", Pod("a", "10.244.0.1"), null, true },
        { "deleted without ever getting an IP", Pod("a", null), null, false },
        { "relabelled before getting an IP", Pod("a", null), Pod("a", null, app: "db"), false },
        { "nothing endpoints show changed", Pod("a", "10.244.0.1"), Annotated(Pod("a", "10.244.0.1")), false },
    };

    [Theory]
    [MemberData(nameof(ViewCases))]
    public void View_ChangesOnlyWhenAnEndpointsCouldChange(string scenario, JsonObject? before, JsonObject? after, bool changed) =>
        Assert.True(changed == !JsonNode.DeepEquals(EndpointsPlanner.View(before), EndpointsPlanner.View(after)), scenario);

    private static JsonObject Annotated(JsonObject pod)
    {
        pod["metadata"]!["annotations"] = new JsonObject { ["note"] = "x" };
        pod["metadata"]!["resourceVersion"] = "7";
        return pod;
    }
}
