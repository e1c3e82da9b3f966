using System.Text.Json.Nodes;
using Actors.Gateway.Api;
using Actors.Gateway.Errors;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class JsonFieldsTests
{
    [Fact]
    public void Absent_is_null_and_the_right_type_is_read()
    {
        Assert.Null(JsonFields.String(null, "f"));
        Assert.Equal("7", JsonFields.String(JsonValue.Create("7"), "f"));
        Assert.True(JsonFields.Bool(JsonValue.Create(true), "f"));
        Assert.Equal(30, JsonFields.Long(JsonNode.Parse("30"), "f"));
    }

    [Theory]
    [InlineData("7", "string", "json: cannot unmarshal number into Go struct field DeleteOptions.x of type string")]
    [InlineData("\"yes\"", "bool", "json: cannot unmarshal string into Go struct field DeleteOptions.x of type bool")]
    [InlineData("true", "string", "json: cannot unmarshal bool into Go struct field DeleteOptions.x of type string")]
    [InlineData("1.5", "long", "json: cannot unmarshal number into Go struct field DeleteOptions.x of type int64")]
    [InlineData("{}", "long", "json: cannot unmarshal object into Go struct field DeleteOptions.x of type int64")]
    public void Wrong_type_is_400_naming_the_field(string json, string type, string message)
    {
        var node = JsonNode.Parse(json);
        Action read = type switch
        {
            "string" => () => JsonFields.String(node, "DeleteOptions.x"),
            "bool" => () => JsonFields.Bool(node, "DeleteOptions.x"),
            _ => () => JsonFields.Long(node, "DeleteOptions.x"),
        };

        var e = Assert.Throws<KubeStatusException>(read);

        Assert.Equal((400, message), (e.Code, (string?)e.Status["message"]));
    }
}
