using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Grains.Objects;

/// <summary>Small accessors over an object's JSON: metadata fields, labels, owner references.</summary>
public static class ObjectJson
{
    public static JsonObject Metadata(JsonObject obj) => obj["metadata"] as JsonObject ?? (JsonObject)(obj["metadata"] = new JsonObject());

    public static string? Name(JsonObject obj) => (string?)Metadata(obj)["name"];

    public static string? Namespace(JsonObject obj) => (string?)Metadata(obj)["namespace"];

    public static string? ResourceVersion(JsonObject obj) => (string?)Metadata(obj)["resourceVersion"];

    public static string? Uid(JsonObject obj) => (string?)Metadata(obj)["uid"];

    public static bool IsDeleting(JsonObject obj) => Metadata(obj)["deletionTimestamp"] is not null;

    public static IReadOnlyDictionary<string, string> Labels(JsonObject? obj) => StringMap(obj?["metadata"]?["labels"]);

    public static IReadOnlyDictionary<string, string> Annotations(JsonObject? obj) => StringMap(obj?["metadata"]?["annotations"]);

    private static Dictionary<string, string> StringMap(JsonNode? map) =>
        map is JsonObject entries
            ? entries.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.ToString())
            : [];

    public static IReadOnlyList<string> Finalizers(JsonObject obj) =>
        Metadata(obj)["finalizers"] is JsonArray array ? array.Select(f => f?.ToString() ?? "").Where(f => f.Length > 0).ToArray() : [];

    /// <summary>The controller owner reference (kind and name), if any.</summary>
    public static (string Kind, string Name, string Uid)? Controller(JsonObject obj)
    {
        if (Metadata(obj)["ownerReferences"] is not JsonArray owners)
        {
            return null;
        }
        foreach (var owner in owners.OfType<JsonObject>())
        {
            if (owner["controller"]?.GetValue<bool>() == true)
            {
                return ((string?)owner["kind"] ?? "", (string?)owner["name"] ?? "", (string?)owner["uid"] ?? "");
            }
        }
        return null;
    }

    public static JsonObject ControllerReference(string apiVersion, string kind, string name, string uid) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["name"] = name,
        ["uid"] = uid,
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };

    public static int Int(JsonNode? node, int fallback = 0) =>
        node is JsonValue value && value.TryGetValue<int>(out var number) ? number : fallback;

    /// <summary>Parses client JSON; null with a message when it is not a JSON object.</summary>
    public static (JsonObject? Object, string? Error) Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject obj ? (obj, null) : (null, "the body is not a JSON object");
        }
        catch (JsonException exception)
        {
            return (null, "the body is not valid JSON: " + exception.Message);
        }
    }

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
