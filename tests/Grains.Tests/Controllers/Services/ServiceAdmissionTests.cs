using System.Text.Json.Nodes;
using Actors.Grains.Abstractions.Objects;
using Actors.Grains.Controllers.Services;

namespace Actors.Grains.Tests.Controllers.Services;

[Trait("Category", "Unit")]
public sealed class ServiceAdmissionTests
{
    private static JsonObject Service(string spec) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "default", ["uid"] = "u1" },
        ["spec"] = JsonNode.Parse(spec),
    };

    /// <summary>Every field of <paramref name="expected"/> is in <paramref name="actual"/> with the same value.</summary>
    private static void AssertContains(JsonNode expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject expectedObject)
        {
            foreach (var (key, value) in expectedObject)
            {
                AssertContains(value!, actual?[key], $"{path}.{key}");
            }
        }
        else if (expected is JsonArray expectedArray)
        {
            var actualArray = actual as JsonArray;
            Assert.True(actualArray?.Count == expectedArray.Count, $"{path}: {actual?.ToJsonString()}");
            for (var i = 0; i < expectedArray.Count; i++)
            {
                AssertContains(expectedArray[i]!, actualArray![i], $"{path}[{i}]");
            }
        }
        else
        {
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "nothing"}");
        }
    }

    public static TheoryData<string, string, string> DefaultingCases => new()
    {
        {
            "ClusterIP, TCP, targetPort = port, no affinity",
            """{"selector":{"app":"web"},"ports":[{"port":80}]}""",
            """{"type":"ClusterIP","sessionAffinity":"None","internalTrafficPolicy":"Cluster","ports":[{"port":80,"protocol":"TCP","targetPort":80}]}"""
        },
        { "a named targetPort is kept", """{"ports":[{"port":80,"targetPort":"http"}]}""", """{"ports":[{"targetPort":"http"}]}""" },
        { "UDP is kept", """{"ports":[{"port":53,"protocol":"UDP"}]}""", """{"ports":[{"protocol":"UDP","targetPort":53}]}""" },
        {
            "LoadBalancer is a NodePort service with its defaults",
            """{"type":"LoadBalancer","ports":[{"port":80,"nodePort":30080}]}""",
            """{"type":"LoadBalancer","allocateLoadBalancerNodePorts":true,"externalTrafficPolicy":"Cluster","ports":[{"nodePort":30080}]}"""
        },
        { "clusterIPs[0] stands for a missing clusterIP", """{"clusterIPs":["10.96.0.10"],"ports":[{"port":80}]}""", """{"clusterIP":"10.96.0.10"}""" },
        { "headless needs no ports", """{"clusterIP":"None","selector":{"app":"web"}}""", """{"clusterIP":"None","type":"ClusterIP"}""" },
        { "ExternalName needs no ports", """{"type":"ExternalName","externalName":"example.com."}""", """{"type":"ExternalName"}""" },
    };

    [Theory]
    [MemberData(nameof(DefaultingCases))]
    public void Prepare_DefaultsAsKubernetes(string scenario, string spec, string expected)
    {
        var service = Service(spec);

        var causes = ServiceAdmission.Prepare(service, old: null);

        Assert.True(causes.Count == 0, $"{scenario}: {string.Join(", ", causes)}");
        AssertContains(JsonNode.Parse(expected)!, service["spec"], "spec");
    }

    public static TheoryData<string, string, string, string, string> InvalidCases => new()
    {
        { "port 0", """{"ports":[{"port":0}]}""", "spec.ports[0].port", "FieldValueInvalid", "must be between 1 and 65535, inclusive" },
        { "port over 65535", """{"ports":[{"port":70000}]}""", "spec.ports[0].port", "FieldValueInvalid", "must be between 1 and 65535, inclusive" },
        { "targetPort over 65535", """{"ports":[{"port":80,"targetPort":70000}]}""", "spec.ports[0].targetPort", "FieldValueInvalid", "must be between 1 and 65535, inclusive" },
        { "no ports", """{"selector":{"app":"web"}}""", "spec.ports", "FieldValueRequired", "Required value" },
        { "names required with two ports", """{"ports":[{"port":80,"name":"a"},{"port":81}]}""", "spec.ports[1].name", "FieldValueRequired", "Required value" },
        { "names unique", """{"ports":[{"port":80,"name":"a"},{"port":81,"name":"a"}]}""", "spec.ports[1].name", "FieldValueDuplicate", "Duplicate value: \"a\"" },
        { "nodePort on ClusterIP", """{"ports":[{"port":80,"nodePort":30080}]}""", "spec.ports[0].nodePort", "FieldValueForbidden", "may not be used when `type` is 'ClusterIP'" },
        {
            "nodePort out of range", """{"type":"NodePort","ports":[{"port":80,"nodePort":29999}]}""", "spec.ports[0].nodePort", "FieldValueInvalid",
            "Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767"
        },
        { "unknown type", """{"type":"Fancy","ports":[{"port":80}]}""", "spec.type", "FieldValueNotSupported", "Unsupported value: \"Fancy\"" },
        { "unknown protocol", """{"ports":[{"port":80,"protocol":"HTTP"}]}""", "spec.ports[0].protocol", "FieldValueNotSupported", "Unsupported value: \"HTTP\"" },
        { "unknown affinity", """{"sessionAffinity":"Sticky","ports":[{"port":80}]}""", "spec.sessionAffinity", "FieldValueNotSupported", "supported values: \"ClientIP\", \"None\"" },
        { "headless NodePort", """{"type":"NodePort","clusterIP":"None","ports":[{"port":80}]}""", "spec.clusterIPs[0]", "FieldValueInvalid", "Invalid value: \"None\": may not be set to 'None' for NodePort services" },
        { "headless LoadBalancer", """{"type":"LoadBalancer","clusterIP":"None","ports":[{"port":80}]}""", "spec.clusterIPs[0]", "FieldValueInvalid", "may not be set to 'None' for LoadBalancer services" },
        { "ExternalName with a clusterIP", """{"type":"ExternalName","externalName":"example.com","clusterIP":"10.96.0.9"}""", "spec.clusterIPs", "FieldValueForbidden", "may not be set for ExternalName services" },
        { "ExternalName without a name", """{"type":"ExternalName"}""", "spec.externalName", "FieldValueRequired", "Required value" },
        { "ExternalName not a DNS name", """{"type":"ExternalName","externalName":"Not A Name"}""", "spec.externalName", "FieldValueInvalid", "a lowercase RFC 1123 subdomain" },
        { "clusterIP not an IP", """{"clusterIP":"ten","ports":[{"port":80}]}""", "spec.clusterIPs[0]", "FieldValueInvalid", "must be a valid IP address" },
        { "selector value not a label", """{"selector":{"app":"not a label"},"ports":[{"port":80}]}""", "spec.selector", "FieldValueInvalid", "a valid label must be an empty string" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Prepare_NamesTheFieldOfEachError(string scenario, string spec, string field, string reason, string message)
    {
        var causes = ServiceAdmission.Prepare(Service(spec), old: null);

        Assert.True(causes.Any(c => c.Field == field && c.Reason == reason && c.Message.Contains(message, StringComparison.Ordinal)),
            $"{scenario}: {string.Join(" | ", causes.Select(c => $"{c.Field} {c.Reason} {c.Message}"))}");
    }

    public static TheoryData<string, string, string, string> UpdateCases => new()
    {
        {
            "a replace without clusterIP keeps it",
            """{"clusterIP":"10.96.1.1","clusterIPs":["10.96.1.1"],"ports":[{"port":80}]}""",
            """{"ports":[{"port":8080}]}""",
            """{"clusterIP":"10.96.1.1","clusterIPs":["10.96.1.1"],"ports":[{"port":8080}]}"""
        },
        {
            "a replace without nodePorts keeps them by port name",
            """{"type":"NodePort","clusterIP":"10.96.1.1","ports":[{"name":"a","port":80,"nodePort":30080},{"name":"b","port":81,"nodePort":30081}]}""",
            """{"type":"NodePort","ports":[{"name":"b","port":81},{"name":"a","port":80}]}""",
            """{"clusterIP":"10.96.1.1","ports":[{"name":"b","nodePort":30081},{"name":"a","nodePort":30080}]}"""
        },
        {
            "NodePort to ClusterIP drops the nodePorts",
            """{"type":"NodePort","clusterIP":"10.96.1.1","ports":[{"port":80,"nodePort":30080}]}""",
            """{"type":"ClusterIP","clusterIP":"10.96.1.1","ports":[{"port":80,"nodePort":30080}]}""",
            """{"type":"ClusterIP","clusterIP":"10.96.1.1","ports":[{"port":80}]}"""
        },
        {
            "ClusterIP to ExternalName drops the clusterIP",
            """{"clusterIP":"10.96.1.1","clusterIPs":["10.96.1.1"],"ports":[{"port":80}]}""",
            """{"type":"ExternalName","externalName":"example.com","clusterIP":"10.96.1.1","clusterIPs":["10.96.1.1"],"ports":[{"port":80}]}""",
            """{"type":"ExternalName","externalName":"example.com"}"""
        },
    };

    [Theory]
    [MemberData(nameof(UpdateCases))]
    public void Prepare_Update_CarriesAllocatedValuesOver(string scenario, string oldSpec, string newSpec, string expected)
    {
        var old = Service(oldSpec);
        var updated = Service(newSpec);

        var causes = ServiceAdmission.Prepare(updated, old);

        Assert.True(causes.Count == 0, $"{scenario}: {string.Join(", ", causes)}");
        AssertContains(JsonNode.Parse(expected)!, updated["spec"], "spec");
        if (!expected.Contains("nodePort", StringComparison.Ordinal))
        {
            Assert.All((updated["spec"]!["ports"] as JsonArray) ?? [], p => Assert.Null(p!["nodePort"]));
        }
        if (!expected.Contains("clusterIP", StringComparison.Ordinal))
        {
            Assert.Null(updated["spec"]!["clusterIP"]);
        }
    }

    [Fact]
    public void Prepare_Update_ClusterIPMayNotChange()
    {
        var old = Service("""{"clusterIP":"10.96.1.1","clusterIPs":["10.96.1.1"],"ports":[{"port":80}]}""");

        var causes = ServiceAdmission.Prepare(Service("""{"clusterIP":"10.96.1.2","clusterIPs":["10.96.1.2"],"ports":[{"port":80}]}"""), old);

        var cause = Assert.Single(causes);
        Assert.Equal(("spec.clusterIPs[0]", "FieldValueInvalid"), (cause.Field, cause.Reason));
        Assert.Contains("may not change once set", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_Update_WithoutUidOrCreationTimestamp_IsValid()
    {
        var old = Service("""{"clusterIP":"10.96.1.1","ports":[{"port":80}]}""");
        old["metadata"]!["creationTimestamp"] = "2026-01-01T00:00:00Z";
        var updated = Service("""{"ports":[{"port":80}]}""");
        updated["metadata"]!.AsObject().Remove("uid");

        Assert.Empty(ServiceAdmission.Prepare(updated, old));
        updated["metadata"]!["uid"] = "u2";
        Assert.Contains(ServiceAdmission.Prepare(updated, old), c => c.Field == "metadata.uid");
    }

    public static TheoryData<string, string, string?, int[]> AddressCases => new()
    {
        { "ClusterIP asks for any IP", """{"type":"ClusterIP","ports":[{"port":80}]}""", "", [] },
        { "an explicit IP", """{"type":"ClusterIP","clusterIP":"10.96.0.10","ports":[{"port":80}]}""", "10.96.0.10", [] },
        { "headless has none", """{"type":"ClusterIP","clusterIP":"None"}""", null, [] },
        { "ExternalName has none", """{"type":"ExternalName","externalName":"example.com"}""", null, [] },
        { "NodePort asks per port", """{"type":"NodePort","ports":[{"port":80},{"port":81,"nodePort":30081}]}""", "", [0, 30081] },
        { "LoadBalancer takes node ports", """{"type":"LoadBalancer","ports":[{"port":80}]}""", "", [0] },
        { "unless it opts out", """{"type":"LoadBalancer","allocateLoadBalancerNodePorts":false,"ports":[{"port":80}]}""", "", [] },
    };

    [Theory]
    [MemberData(nameof(AddressCases))]
    public void Addresses_SaysWhatToAskTheAllocatorFor(string scenario, string spec, string? clusterIP, int[] nodePorts)
    {
        var addresses = ServiceAdmission.Addresses(Service(spec));

        Assert.True(addresses.ClusterIP == clusterIP && addresses.NodePorts.SequenceEqual(nodePorts),
            $"{scenario}: {addresses.ClusterIP ?? "null"} [{string.Join(",", addresses.NodePorts)}]");
    }

    [Fact]
    public void Apply_WritesTheGrantAndItsCompanionFields()
    {
        var service = Service("""{"type":"NodePort","ports":[{"port":80},{"port":81,"nodePort":30081}]}""");

        ServiceAdmission.Apply(service, new ServiceAddresses("10.96.1.7", [30086, 30081]));

        AssertContains(JsonNode.Parse("""
            {"clusterIP":"10.96.1.7","clusterIPs":["10.96.1.7"],"ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack",
             "ports":[{"port":80,"nodePort":30086},{"port":81,"nodePort":30081}]}
            """)!, service["spec"], "spec");
    }

    [Fact]
    public void Apply_HeadlessKeepsNone()
    {
        var service = Service("""{"clusterIP":"None"}""");

        ServiceAdmission.Apply(service, new ServiceAddresses(null, []));

        AssertContains(JsonNode.Parse("""{"clusterIP":"None","clusterIPs":["None"]}""")!, service["spec"], "spec");
    }
}
