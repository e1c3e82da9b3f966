using System.Text.Json.Nodes;
using Actors.Grains.Store;

namespace Actors.Grains.Tests.Store;

[Trait("Category", "Unit")]
public sealed class ObjectMetadataTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 6, 7, 8, 9, 500, TimeSpan.FromHours(2));

    public static TheoryData<string, string?, string?> Keys => new()
    {
        { """{"metadata":{"name":"a","namespace":"ns"}}""", "ns", null },
        { """{"metadata":{"name":"node-1"}}""", "", null },
        { """{"metadata":{"namespace":"ns"}}""", null, "metadata.name is required" },
        { """{"metadata":{"name":""}}""", null, "metadata.name is required" },
        { """{"metadata":{"name":5}}""", null, "metadata.name must be a string" },
        { """{"spec":{}}""", null, "no metadata" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void ReadKey_takes_namespace_and_name_or_names_what_is_wrong(string json, string? ns, string? error)
    {
        var obj = JsonNode.Parse(json)!.AsObject();
        if (error is null)
        {
            Assert.Equal(ns, ObjectMetadata.ReadKey(obj).Namespace);
        }
        else
        {
            Assert.Contains(error, Assert.Throws<ArgumentException>(() => ObjectMetadata.ReadKey(obj)).Message);
        }
    }

    [Fact]
    public void PrepareCreate_sets_server_fields_on_a_copy()
    {
        var incoming = JsonNode.Parse("""{"metadata":{"name":"a","uid":"client","generation":7},"spec":{"x":1}}""")!.AsObject();
        var uid = Guid.NewGuid();

        var stored = ObjectMetadata.PrepareCreate(incoming, 42, uid, Now);

        Assert.Equal(uid.ToString(), stored["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal("2024-05-06T05:08:09Z", stored["metadata"]!["creationTimestamp"]!.GetValue<string>());
        Assert.Equal("42", stored["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal(1, stored["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal("client", incoming["metadata"]!["uid"]!.GetValue<string>());
    }

    public static TheoryData<string, long?, string?> Updates => new()
    {
        // incoming (current: spec {x:1}, labels {a:1}, generation 3, rv 10) → expected generation, or null for a no-op
        { """{"metadata":{"name":"a","labels":{"a":"1"}},"spec":{"x":1}}""", null, null },
        { """{"metadata":{"name":"a","labels":{"a":"2"}},"spec":{"x":1}}""", 3, "11" },
        { """{"metadata":{"name":"a","labels":{"a":"1"}},"spec":{"x":2}}""", 4, "11" },
        { """{"metadata":{"name":"a","labels":{"a":"1"}}}""", 4, "11" },
        { """{"metadata":{"name":"a","labels":{"a":"1"},"uid":"other","creationTimestamp":"x","resourceVersion":"3"},"spec":{"x":1}}""", null, null },
    };

    [Theory]
    [MemberData(nameof(Updates))]
    public void PrepareUpdate_keeps_identity_and_bumps_generation_only_on_spec_change(string incoming, long? generation, string? resourceVersion)
    {
        var current = JsonNode.Parse("""
            {"metadata":{"name":"a","labels":{"a":"1"},"uid":"u1","creationTimestamp":"2024-01-01T00:00:00Z","resourceVersion":"10","generation":3},"spec":{"x":1}}
            """)!.AsObject();

        var stored = ObjectMetadata.PrepareUpdate(current, JsonNode.Parse(incoming)!.AsObject(), 11);

        if (generation is null)
        {
            Assert.Null(stored);
            return;
        }
        Assert.NotNull(stored);
        Assert.Equal(generation, stored["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(resourceVersion, stored["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal("u1", stored["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal("2024-01-01T00:00:00Z", stored["metadata"]!["creationTimestamp"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"metadata":{"name":"a"}}""", "")]
    [InlineData("""{"metadata":{"name":"a","ownerReferences":[{"uid":"u1"},{"uid":"u2"},{"uid":"u1"},{"name":"x"}]}}""", "u1,u2")]
    public void OwnerUids_reads_distinct_owner_reference_uids(string json, string expected)
    {
        Assert.Equal(expected, string.Join(',', ObjectMetadata.OwnerUids(JsonNode.Parse(json)!.AsObject())));
    }

    [Theory]
    [InlineData("""{"metadata":{"name":"a"},"spec":{"nodeName":"n1"}}""", "n1")]
    [InlineData("""{"metadata":{"name":"a"},"spec":{"nodeName":""}}""", null)]
    [InlineData("""{"metadata":{"name":"a"}}""", null)]
    public void NodeName_reads_spec_nodeName(string json, string? expected)
    {
        Assert.Equal(expected, ObjectMetadata.NodeName(JsonNode.Parse(json)!.AsObject()));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("0", null)]
    [InlineData("17", 17L)]
    public void ParseRevision_treats_empty_and_zero_as_any(string? value, long? expected)
    {
        Assert.Equal(expected, ObjectMetadata.ParseRevision(value, "resourceVersion"));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    public void ParseRevision_rejects_garbage_naming_the_value(string value)
    {
        Assert.Contains(value, Assert.Throws<ArgumentException>(() => ObjectMetadata.ParseRevision(value, "resourceVersion")).Message);
    }
}
