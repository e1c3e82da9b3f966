using System.Text;
using System.Text.Json.Nodes;
using Actors.Gateway.Api;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Objects;
using Microsoft.AspNetCore.Http;

namespace Actors.Gateway.Tests.Api;

[Trait("Category", "Unit")]
public sealed class RequestDecodingTests
{
    [Fact]
    public void Yaml_plain_scalars_get_json_types_and_quoted_stay_strings()
    {
        var json = YamlToJson.Convert("a: 3\nb: \"3\"\nc: true\nd: ~\ne: 1.5\nf: [x, 'y']\ng: 0x1F\n")!;

        Assert.Equal("""{"a":3,"b":"3","c":true,"d":null,"e":1.5,"f":["x","y"],"g":"0x1F"}""", json.ToJsonString());
    }

    [Fact]
    public void Malformed_yaml_is_a_format_error() => Assert.Throws<FormatException>(() => YamlToJson.Convert("a: [1, 2"));

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    [InlineData(100_000, false)]
    public void Yaml_nesting_is_capped_before_a_recursive_load_could_overflow_the_stack(int depth, bool accepted)
    {
        var yaml = "a: " + new string('[', depth - 1) + new string(']', depth - 1);

        if (accepted)
        {
            Assert.NotNull(YamlToJson.Convert(yaml));
        }
        else
        {
            Assert.Contains("nesting deeper than 64 levels", Assert.Throws<FormatException>(() => YamlToJson.Convert(yaml)).Message);
        }
    }

    [Fact]
    public void Yaml_aliases_that_explode_are_refused_and_modest_ones_expand()
    {
        var laughs = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            laughs.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        Assert.Contains("excessive aliasing", Assert.Throws<FormatException>(() => YamlToJson.Convert(laughs.ToString())).Message);
        Assert.Equal("""{"base":{"x":1},"copy":{"x":1}}""", YamlToJson.Convert("base: &b {x: 1}\ncopy: *b\n")!.ToJsonString());
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("application/json; charset=utf-8", "application/json")]
    [InlineData("Application/YAML", "application/yaml")]
    public void Media_type(string? header, string expected) => Assert.Equal(expected, RequestBody.MediaType(header));

    [Theory]
    [InlineData("application/json", "{not json", 400)]
    [InlineData("application/json", "[1]", 400)]
    [InlineData("text/csv", "a,b", 415)]
    public void Bad_bodies_are_statuses(string mediaType, string body, int code)
    {
        var e = Assert.Throws<KubeStatusException>(() => RequestBody.DecodeObject(mediaType, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(code, e.Code);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bodies_over_the_limit_are_413(bool declaredLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(new byte[4096]);
        context.Request.ContentLength = declaredLength ? 4096 : null;

        var e = await Assert.ThrowsAsync<KubeStatusException>(() => RequestBody.ReadAsync(context.Request, 1024, TestContext.Current.CancellationToken));

        Assert.Equal(413, e.Code);
    }

    [Fact]
    public void Delete_options_body_wins_over_query()
    {
        var body = JsonNode.Parse("""{"propagationPolicy":"Foreground","preconditions":{"uid":"u1","resourceVersion":"7"}}""")!.AsObject();

        var options = DeleteOptionsRequest.From(body, "Orphan", "30", null);

        Assert.Equal(new DeleteRequest(PropagationPolicy.Foreground, 30, "7", "u1"), options.Request);
    }

    [Theory]
    [InlineData(null, null, "true", PropagationPolicy.Orphan)]
    [InlineData(null, "Background", null, PropagationPolicy.Background)]
    [InlineData(null, null, null, PropagationPolicy.Background)]
    public void Delete_options_from_query(string? body, string? propagation, string? orphan, PropagationPolicy expected)
    {
        var options = DeleteOptionsRequest.From(body is null ? null : JsonNode.Parse(body)!.AsObject(), propagation, null, orphan);

        Assert.Equal(expected, options.Request.Propagation);
    }

    [Fact]
    public void Unknown_propagation_policy_is_bad_request()
    {
        var e = Assert.Throws<KubeStatusException>(() => DeleteOptionsRequest.From(null, "Sideways", null, null));

        Assert.Equal(400, e.Code);
    }
}
