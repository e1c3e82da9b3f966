using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Actors.Gateway.Errors;
using Actors.Grains.Abstractions.Resources;

namespace Actors.Gateway.Api;

/// <summary>
/// Words a body the typed model cannot read as the apiserver does (400 BadRequest, KUBECTL-API.md §5), naming the
/// field, what was sent and what was expected: <c>Deployment in version "v1" cannot be handled as a Deployment:
/// json: cannot unmarshal string into Go struct field spec.replicas of type int32</c>. .NET type names never leak.
/// </summary>
internal static partial class DecodeFailure
{
    public static JsonObject Status(ResourceKind kind, JsonObject obj, Exception exception) => Status(kind.Kind, kind.Version, obj, exception);

    /// <summary>The same for a body that is not a stored kind (a Scale).</summary>
    public static JsonObject Status(string kind, string version, JsonObject obj, Exception exception) =>
        KubeStatus.BadRequest($"{kind} in version {KubeJson.Quote(version)} cannot be handled as a {kind}: {Reason(obj, exception)}");

    /// <summary>The part after the colon.</summary>
    public static string Reason(JsonObject obj, Exception exception)
    {
        if (exception is not JsonException { Path: { Length: > 1 } path } json)
        {
            return "the object does not match its schema";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var sent = JsonKind(Find(obj, field));
        var expected = ExpectedType().Match(json.Message) is { Success: true } match ? GoType(match.Groups[1].Value) : null;
        if (expected == "[]byte" && sent == "string")
        {
            return $"illegal base64 data in field {field}";
        }
        return expected is null
            ? $"json: cannot unmarshal {sent} into Go struct field {field}"
            : $"json: cannot unmarshal {sent} into Go struct field {field} of type {expected}";
    }

    /// <summary>The value at a System.Text.Json path such as <c>spec.template.spec.containers[0].ports</c>.</summary>
    private static JsonNode? Find(JsonNode? node, string field)
    {
        foreach (var segment in SegmentPattern().Matches(field).Select(m => m.Value))
        {
            node = segment.StartsWith('[') && int.TryParse(segment.AsSpan(1, segment.Length - 2), out var index)
                ? node is JsonArray array && index < array.Count ? array[index] : null
                : node is JsonObject map ? map[segment.Trim('[', ']', '\'')] : null;
        }
        return node;
    }

    /// <summary>Go's name of a JSON value's type in unmarshal errors.</summary>
    internal static string JsonKind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => "value",
        },
        _ => "value",
    };

    /// <summary>Go's spelling of a CLR type: int32, int64, bool, string, map, array, or the model's type name.</summary>
    private static string GoType(string clrType)
    {
        var inner = NullablePattern().Match(clrType) is { Success: true } nullable ? nullable.Groups[1].Value : clrType;
        if (inner.Contains("Dictionary", StringComparison.Ordinal))
        {
            return "map[string]string";
        }
        if (inner == "System.Byte[]")
        {
            return "[]byte";
        }
        if (inner.Contains("List", StringComparison.Ordinal) || inner.EndsWith("[]", StringComparison.Ordinal))
        {
            return "array";
        }
        var name = inner[(inner.LastIndexOf('.') + 1)..];
        return name switch
        {
            "Int32" => "int32",
            "Int64" => "int64",
            "Boolean" => "bool",
            "String" => "string",
            "Double" => "float64",
            _ => name,
        };
    }

    [GeneratedRegex(@"could not be converted to ([^\s]+?)\.? Path:")]
    private static partial Regex ExpectedType();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullablePattern();

    [GeneratedRegex(@"\[[^\]]*\]|[^.\[]+")]
    private static partial Regex SegmentPattern();
}
