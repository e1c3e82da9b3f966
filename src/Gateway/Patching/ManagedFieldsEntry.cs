using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Gateway.Patching;

/// <summary>One <c>metadata.managedFields</c> entry: a manager, its operation (Apply or Update) and the fields it owns.</summary>
internal sealed record ManagedFieldsEntry(string Manager, string Operation, string ApiVersion, string? Time, FieldSet Fields, string? Subresource = null)
{
    public const string Apply = "Apply";
    public const string Update = "Update";

    public static IReadOnlyList<ManagedFieldsEntry> Read(JsonObject obj)
    {
        if (obj["metadata"]?["managedFields"] is not JsonArray entries)
        {
            return [];
        }

        var result = new List<ManagedFieldsEntry>();
        foreach (var entry in entries.OfType<JsonObject>())
        {
            result.Add(new ManagedFieldsEntry(
                Text(entry, "manager") ?? string.Empty,
                Text(entry, "operation") ?? Update,
                Text(entry, "apiVersion") ?? string.Empty,
                Text(entry, "time"),
                FieldSet.FromFieldsV1(entry["fieldsV1"]),
                Text(entry, "subresource")));
        }

        return result;
    }

    /// <summary>Writes the entries into <c>metadata.managedFields</c>, dropping those that own nothing.</summary>
    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            obj["metadata"] = metadata;
        }

        var list = new JsonArray();
        foreach (var entry in entries.Where(e => !e.Fields.IsEmpty))
        {
            var node = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
            };
            if (entry.Time is not null)
            {
                node["time"] = entry.Time;
            }

            node["fieldsType"] = "FieldsV1";
            node["fieldsV1"] = entry.Fields.ToFieldsV1();
            if (entry.Subresource is not null)
            {
                node["subresource"] = entry.Subresource;
            }

            list.Add(node);
        }

        metadata["managedFields"] = list;
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Text(JsonObject entry, string name) =>
        entry[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
