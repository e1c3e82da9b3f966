using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Gateway.Errors;

/// <summary>
/// Serialization as the apiserver writes JSON: quotes as <c>\"</c> rather than System.Text.Json's default <c>\u0022</c>,
/// so messages read the same in logs and byte-compare with a real server's.
/// </summary>
internal static class KubeJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    /// <summary>A JSON array of strings, as discovery documents and review statuses list verbs, groups and names.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>Go's <c>%q</c> of a string.</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value, Options);
}
