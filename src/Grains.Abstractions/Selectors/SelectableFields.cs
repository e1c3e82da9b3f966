using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Grains.Abstractions.Selectors;

/// <summary>The field labels each kind supports in field selectors (KUBECTL-API.md 6.3) and how to read them.</summary>
public static class SelectableFields
{
    // Field label -> (JSON path, value when absent). Kubernetes reads absent booleans as "false" and absent counts as "0".
    private static readonly Dictionary<string, (string Path, string Default)> Common = new(StringComparer.Ordinal)
    {
        ["metadata.name"] = ("metadata.name", ""),
        ["metadata.namespace"] = ("metadata.namespace", ""),
    };

    private static readonly Dictionary<string, Dictionary<string, (string Path, string Default)>> ByKind = new(StringComparer.Ordinal)
    {
        ["Pod"] = new(StringComparer.Ordinal)
        {
            ["spec.nodeName"] = ("spec.nodeName", ""),
            ["spec.restartPolicy"] = ("spec.restartPolicy", ""),
            ["spec.schedulerName"] = ("spec.schedulerName", ""),
            ["spec.serviceAccountName"] = ("spec.serviceAccountName", ""),
            ["spec.hostNetwork"] = ("spec.hostNetwork", "false"),
            ["status.phase"] = ("status.phase", ""),
            ["status.podIP"] = ("status.podIP", ""),
            ["status.nominatedNodeName"] = ("status.nominatedNodeName", ""),
        },
        ["Event"] = new(StringComparer.Ordinal)
        {
            ["involvedObject.kind"] = ("involvedObject.kind", ""),
            ["involvedObject.namespace"] = ("involvedObject.namespace", ""),
            ["involvedObject.name"] = ("involvedObject.name", ""),
            ["involvedObject.uid"] = ("involvedObject.uid", ""),
            ["involvedObject.apiVersion"] = ("involvedObject.apiVersion", ""),
            ["involvedObject.resourceVersion"] = ("involvedObject.resourceVersion", ""),
            ["involvedObject.fieldPath"] = ("involvedObject.fieldPath", ""),
            ["reason"] = ("reason", ""),
            ["reportingComponent"] = ("reportingComponent", ""),
            ["source"] = ("source.component", ""),
            ["type"] = ("type", ""),
        },
        ["Secret"] = new(StringComparer.Ordinal) { ["type"] = ("type", "") },
        ["Node"] = new(StringComparer.Ordinal) { ["spec.unschedulable"] = ("spec.unschedulable", "false") },
        ["Namespace"] = new(StringComparer.Ordinal) { ["status.phase"] = ("status.phase", "") },
        ["ReplicaSet"] = new(StringComparer.Ordinal) { ["status.replicas"] = ("status.replicas", "0") },
    };

    /// <summary>The field labels <paramref name="kind"/> supports.</summary>
    public static IReadOnlyCollection<string> For(string kind) =>
        Common.Keys.Concat(ByKind.TryGetValue(kind, out var fields) ? fields.Keys : []).ToArray();

    public static bool IsSupported(string kind, string field) =>
        Common.ContainsKey(field) || (ByKind.TryGetValue(kind, out var fields) && fields.ContainsKey(field));

    /// <summary>The value of <paramref name="field"/> in a document of <paramref name="kind"/>; null when unsupported.</summary>
    public static string? GetValue(string kind, JsonObject document, string field)
    {
        if (!Common.TryGetValue(field, out var entry) && !(ByKind.TryGetValue(kind, out var fields) && fields.TryGetValue(field, out entry)))
        {
            return null;
        }

        JsonNode? node = document;
        foreach (var segment in entry.Path.Split('.'))
        {
            node = (node as JsonObject)?[segment];
        }

        if (node is not JsonValue value)
        {
            return entry.Default;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.ToJsonString(),
            _ => string.Format(CultureInfo.InvariantCulture, "{0}", entry.Default),
        };
    }
}
