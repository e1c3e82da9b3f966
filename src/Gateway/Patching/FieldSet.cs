using System.Text.Json.Nodes;
using Actors.Gateway.Errors;

namespace Actors.Gateway.Patching;

/// <summary>
/// The set of fields a manager owns, in server-side apply's FieldsV1 vocabulary: path elements <c>f:&lt;field&gt;</c>,
/// <c>k:{"name":"x"}</c> for an item of a keyed list and <c>v:&lt;json&gt;</c> for an item of a set. A keyed item is a
/// member itself (FieldsV1's <c>"."</c>) as well as the parent of its leaves.
/// </summary>
internal sealed class FieldSet
{
    private const char Separator = '\u001f';

    private static readonly HashSet<string> IgnoredRoot = new(StringComparer.Ordinal) { "apiVersion", "kind", "status" };

    private static readonly HashSet<string> ServerOwnedMetadata = new(StringComparer.Ordinal)
    {
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink",
    };

    private readonly HashSet<string> _paths;

    public FieldSet(IEnumerable<string>? paths = null)
    {
        _paths = new HashSet<string>(paths ?? [], StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Paths => _paths;

    public bool IsEmpty => _paths.Count == 0;

    public static string Join(IEnumerable<string> elements) => string.Join(Separator, elements);

    public static string[] Split(string path) => path.Split(Separator);

    public bool Contains(string path) => _paths.Contains(path);

    /// <summary>True when the set holds the path itself or anything below it.</summary>
    public bool ContainsOrUnder(string path) =>
        _paths.Contains(path) || _paths.Any(p => p.StartsWith(path + Separator, StringComparison.Ordinal));

    public bool SetEquals(FieldSet other) => _paths.SetEquals(other._paths);

    public FieldSet Except(IEnumerable<string> paths) => new(_paths.Except(paths));

    public FieldSet Union(IEnumerable<string> paths) => new(_paths.Union(paths));

    /// <summary>Every owned leaf (and keyed item) of <paramref name="obj"/>, skipping identity, status and server-set metadata.</summary>
    public static FieldSet FromObject(string kind, JsonObject obj)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in obj)
        {
            if (IgnoredRoot.Contains(name))
            {
                continue;
            }

            if (name == "metadata" && value is JsonObject metadata)
            {
                foreach (var (metaName, metaValue) in metadata.Where(p => !ServerOwnedMetadata.Contains(p.Key)))
                {
                    Collect(kind, metaValue, [$"f:metadata", $"f:{metaName}"], $"metadata.{metaName}", paths);
                }

                continue;
            }

            Collect(kind, value, [$"f:{name}"], name, paths);
        }

        return new FieldSet(paths);
    }

    /// <summary>The value at a path of <paramref name="obj"/>; false when the path does not resolve.</summary>
    public static bool TryResolve(JsonNode? obj, string path, out JsonNode? value)
    {
        value = obj;
        foreach (var element in Split(path))
        {
            if (!TryStep(value, element, out value, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Removes the field or list item a path names from <paramref name="obj"/> (no-op when absent).</summary>
    public static void Remove(JsonNode obj, string path)
    {
        var elements = Split(path);
        JsonNode? parent = obj;
        for (var i = 0; i < elements.Length - 1; i++)
        {
            if (!TryStep(parent, elements[i], out parent, out _))
            {
                return;
            }
        }

        if (!TryStep(parent, elements[^1], out _, out var index))
        {
            return;
        }

        switch (parent)
        {
            case JsonObject o:
                o.Remove(elements[^1][2..]);
                break;
            case JsonArray a:
                a.RemoveAt(index);
                break;
        }
    }

    /// <summary>Kubernetes' display form of a path: <c>.spec.template.spec.containers[name="nginx"].image</c>.</summary>
    public static string Display(string path)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var element in Split(path))
        {
            var body = element[2..];
            switch (element[0])
            {
                case 'f':
                    builder.Append('.').Append(body);
                    break;
                case 'k':
                    var keys = JsonNode.Parse(body)!.AsObject().Select(p => $"{p.Key}={KubeJson.Serialize(p.Value!)}");
                    builder.Append('[').Append(string.Join(',', keys)).Append(']');
                    break;
                default:
                    builder.Append('[').Append(body).Append(']');
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The FieldsV1 document of this set.</summary>
    public JsonObject ToFieldsV1()
    {
        var root = new JsonObject();
        foreach (var path in _paths.Order(StringComparer.Ordinal))
        {
            var node = root;
            var elements = Split(path);
            foreach (var element in elements)
            {
                if (node[element] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[element] = child;
                }

                node = child;
            }

            if (elements[^1][0] == 'k')
            {
                node["."] = new JsonObject();
            }
        }

        return root;
    }

    public static FieldSet FromFieldsV1(JsonNode? fields)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonObject node, List<string> prefix)
        {
            foreach (var (name, child) in node)
            {
                if (name == ".")
                {
                    paths.Add(Join(prefix));
                    continue;
                }

                prefix.Add(name);
                if (child is JsonObject o && o.Count > 0)
                {
                    Walk(o, prefix);
                }
                else
                {
                    paths.Add(Join(prefix));
                }

                prefix.RemoveAt(prefix.Count - 1);
            }
        }

        if (fields is JsonObject rootObject)
        {
            Walk(rootObject, []);
        }

        return new FieldSet(paths);
    }

    // Server-side apply keys container and service ports by port and protocol, unlike strategic merge.
    internal static string[]? ApplyKeys(string kind, string schemaPath)
    {
        var rule = StrategicMergeSchema.Lookup(kind, schemaPath);
        return rule.Strategy != ListMergeStrategy.MergeByKey ? null : rule.MergeKey switch
        {
            "containerPort" => ["containerPort", "protocol"],
            "port" when kind == "Service" => ["port", "protocol"],
            var key => [key!],
        };
    }

    private static void Collect(string kind, JsonNode? value, List<string> prefix, string schemaPath, HashSet<string> paths)
    {
        switch (value)
        {
            case JsonObject o when o.Count > 0:
                foreach (var (name, child) in o)
                {
                    Collect(kind, child, [.. prefix, $"f:{name}"], $"{schemaPath}.{name}", paths);
                }

                return;
            case JsonArray a when a.Count > 0 && StrategicMergeSchema.Lookup(kind, schemaPath).Strategy == ListMergeStrategy.MergeSet:
                foreach (var item in a)
                {
                    paths.Add(Join([.. prefix, "v:" + (item?.ToJsonString() ?? "null")]));
                }

                return;
            case JsonArray a when a.Count > 0 && ApplyKeys(kind, schemaPath) is { } keys:
                foreach (var item in a.OfType<JsonObject>())
                {
                    var itemPath = new List<string>(prefix) { "k:" + KeyOf(item, keys) };
                    paths.Add(Join(itemPath));
                    foreach (var (name, child) in item)
                    {
                        Collect(kind, child, [.. itemPath, $"f:{name}"], $"{schemaPath}.{name}", paths);
                    }
                }

                return;
            default:
                paths.Add(Join(prefix));
                return;
        }
    }

    private static string KeyOf(JsonObject item, string[] keys)
    {
        var key = new JsonObject();
        foreach (var name in keys)
        {
            if (item.TryGetPropertyValue(name, out var value))
            {
                key[name] = value?.DeepClone();
            }
        }

        return KubeJson.Serialize(key);
    }

    private static bool TryStep(JsonNode? node, string element, out JsonNode? next, out int index)
    {
        next = null;
        index = -1;
        var body = element[2..];
        switch (element[0])
        {
            case 'f' when node is JsonObject o:
                return o.TryGetPropertyValue(body, out next);
            case 'k' when node is JsonArray a:
                var key = JsonNode.Parse(body)!.AsObject();
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonObject item && key.All(k => JsonEquality.Equal(item[k.Key], k.Value)))
                    {
                        (next, index) = (item, i);
                        return true;
                    }
                }

                return false;
            case 'v' when node is JsonArray a:
                var wanted = JsonNode.Parse(body);
                for (var i = 0; i < a.Count; i++)
                {
                    if (JsonEquality.Equal(a[i], wanted))
                    {
                        (next, index) = (a[i], i);
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
