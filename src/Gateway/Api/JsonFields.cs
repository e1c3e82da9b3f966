using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Gateway.Errors;

namespace Actors.Gateway.Api;

/// <summary>
/// Reads one scalar a client sent, outside the typed model (delete options, identity fields of a patch result):
/// absent is null, the wrong JSON type is 400 BadRequest naming the field, never an exception that becomes a 500.
/// </summary>
internal static class JsonFields
{
    public static string? String(JsonNode? node, string field) =>
        node is null ? null : node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw WrongType(node, field, "string");

    public static bool? Bool(JsonNode? node, string field) =>
        node is null ? null : node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : throw WrongType(node, field, "bool");

    public static long? Long(JsonNode? node, string field) =>
        node is null ? null : node is JsonValue value && value.TryGetValue(out long number) ? number
            : node is JsonValue text && text.GetValueKind() == JsonValueKind.Number && long.TryParse(text.ToJsonString(), out var parsed) ? parsed
            : throw WrongType(node, field, "int64");

    private static KubeStatusException WrongType(JsonNode node, string field, string expected) =>
        new(KubeStatus.BadRequest($"json: cannot unmarshal {DecodeFailure.JsonKind(node)} into Go struct field {field} of type {expected}"));
}
