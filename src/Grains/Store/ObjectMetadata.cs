using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Grains.Store;

/// <summary>
/// The store's decisions about an object's metadata, as pure functions: its key, what a create and an update
/// write, and the values the indexes hold. The inputs are never mutated.
/// </summary>
internal static class ObjectMetadata
{
    /// <summary>Reads metadata.namespace ("" when absent) and metadata.name, rejecting malformed objects.</summary>
    public static (string Namespace, string Name) ReadKey(JsonObject obj)
    {
        var metadata = Metadata(obj);
        var name = ReadString(metadata, "name");
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("metadata.name is required", nameof(obj));
        }
        return (ReadString(metadata, "namespace") ?? "", name);
    }

    /// <summary>The object a create stores: a copy with uid, creationTimestamp, resourceVersion and generation set.</summary>
    public static JsonObject PrepareCreate(JsonObject incoming, long revision, Guid uid, DateTimeOffset now)
    {
        var stored = incoming.DeepClone().AsObject();
        var metadata = Metadata(stored);
        metadata["uid"] = uid.ToString();
        metadata["creationTimestamp"] = FormatTimestamp(now);
        metadata["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
        metadata["generation"] = 1L;
        return stored;
    }

    /// <summary>
    /// The object an update stores: a copy of <paramref name="incoming"/> keeping the stored uid and
    /// creationTimestamp, with generation bumped only when <c>spec</c> differs. Null when the update changes
    /// nothing, so that no-op writes do not bump the resourceVersion.
    /// </summary>
    public static JsonObject? PrepareUpdate(JsonObject current, JsonObject incoming, long revision)
    {
        var currentMetadata = Metadata(current);
        var stored = incoming.DeepClone().AsObject();
        var metadata = Metadata(stored);
        metadata["uid"] = currentMetadata["uid"]?.DeepClone();
        metadata["creationTimestamp"] = currentMetadata["creationTimestamp"]?.DeepClone();
        var generation = ReadGeneration(currentMetadata);
        metadata["generation"] = JsonNode.DeepEquals(current["spec"], stored["spec"]) ? generation : generation + 1;
        metadata["resourceVersion"] = currentMetadata["resourceVersion"]?.DeepClone();
        if (JsonNode.DeepEquals(current, stored))
        {
            return null;
        }
        metadata["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
        return stored;
    }

    /// <summary>A copy of <paramref name="obj"/> carrying <paramref name="revision"/> as its resourceVersion.</summary>
    public static JsonObject WithResourceVersion(JsonObject obj, long revision)
    {
        var copy = obj.DeepClone().AsObject();
        Metadata(copy)["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
        return copy;
    }

    public static string? Uid(JsonObject obj) => ReadString(Metadata(obj), "uid");

    /// <summary>The uids in metadata.ownerReferences, for the owner index.</summary>
    public static IReadOnlyList<string> OwnerUids(JsonObject obj)
    {
        if (Metadata(obj)["ownerReferences"] is not JsonArray references)
        {
            return [];
        }
        var uids = new List<string>();
        foreach (var reference in references)
        {
            if (reference is JsonObject owner && owner["uid"] is JsonValue value
                && value.TryGetValue<string>(out var uid) && uid.Length > 0 && !uids.Contains(uid))
            {
                uids.Add(uid);
            }
        }
        return uids;
    }

    /// <summary>spec.nodeName when it is a non-empty string, for the node index.</summary>
    public static string? NodeName(JsonObject obj) =>
        obj["spec"] is JsonObject spec && spec["nodeName"] is JsonValue value
            && value.TryGetValue<string>(out var node) && node.Length > 0
            ? node
            : null;

    /// <summary>Parses a resourceVersion as Kubernetes sends it; null for absent, "" and "0" (meaning "any").</summary>
    public static long? ParseRevision(string? resourceVersion, string what)
    {
        if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
        {
            return null;
        }
        if (!long.TryParse(resourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            throw new ArgumentException($"{what} '{resourceVersion}' is not a valid resource version", what);
        }
        return revision;
    }

    /// <summary>RFC 3339 in UTC with second precision, as Kubernetes writes timestamps.</summary>
    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Metadata(JsonObject obj) =>
        obj["metadata"] as JsonObject ?? throw new ArgumentException("the object has no metadata object", nameof(obj));

    private static long ReadGeneration(JsonObject metadata) =>
        metadata["generation"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var generation)
            ? generation
            : 0;

    private static string? ReadString(JsonObject metadata, string property) =>
        metadata[property] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => throw new ArgumentException($"metadata.{property} must be a string", nameof(metadata)),
        };
}
