using System.Text.Json.Nodes;

namespace Actors.Gateway.Patching;

/// <summary>
/// Kubernetes strategic merge patch (KUBECTL-API.md §12.2): a recursive merge where <c>null</c> deletes, lists merge
/// by the key <see cref="StrategicMergeSchema"/> declares for the kind and path (else are replaced), and the directives
/// <c>$patch</c> (replace|delete|merge), <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/&lt;f&gt;</c> and
/// <c>$setElementOrder/&lt;f&gt;</c> are honoured.
/// </summary>
internal static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";
    private const string SetElementOrderPrefix = "$setElementOrder/";

    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="original"/>; neither input is modified.</summary>
    public static PatchResult Apply(string kind, JsonObject original, JsonObject patch)
    {
        try
        {
            var merged = new Merger(kind, directives: true).MergeMap((JsonObject)original.DeepClone(), patch, string.Empty);
            return PatchResult.Ok(merged ?? new JsonObject());
        }
        catch (InvalidPatchException e)
        {
            return PatchResult.Fail(e.Message, e.Path);
        }
    }

    /// <summary>
    /// Merges a full configuration into a live object without directives (server-side apply's merge, §20): maps merge,
    /// keyed lists merge by key, other lists are replaced; <c>null</c> still deletes.
    /// </summary>
    internal static PatchResult MergeConfig(string kind, JsonObject live, JsonObject config)
    {
        try
        {
            var merged = new Merger(kind, directives: false).MergeMap((JsonObject)live.DeepClone(), config, string.Empty);
            return PatchResult.Ok(merged ?? new JsonObject());
        }
        catch (InvalidPatchException e)
        {
            return PatchResult.Fail(e.Message, e.Path);
        }
    }

    private sealed class Merger(string kind, bool directives)
    {
        // Merges patch into target (owned by the caller and modified in place); null means "delete this map".
        public JsonObject? MergeMap(JsonObject? target, JsonObject patch, string path)
        {
            var directive = directives ? DirectiveOf(patch, path) : null;
            if (directive == "delete")
            {
                return null;
            }

            if (directive == "replace")
            {
                target = null;
            }

            target ??= new JsonObject();
            if (directives && patch.TryGetPropertyValue(RetainKeysDirective, out var retain))
            {
                ApplyRetainKeys(target, retain, path);
            }

            if (directives)
            {
                foreach (var (key, value) in patch.Where(p => p.Key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal)))
                {
                    var field = key[DeleteFromPrimitiveListPrefix.Length..];
                    if (target[field] is JsonArray list && value is JsonArray remove)
                    {
                        RemoveWhere(list, item => remove.Any(r => JsonEquality.Equal(r, item)));
                    }
                }
            }

            foreach (var (key, value) in patch)
            {
                if (directives && key.StartsWith('$'))
                {
                    continue;
                }

                var childPath = path.Length == 0 ? key : $"{path}.{key}";
                target.TryGetPropertyValue(key, out var existing);
                JsonNode? merged = value switch
                {
                    null => null,
                    JsonObject childPatch => MergeMap(existing as JsonObject, childPatch, childPath),
                    JsonArray listPatch => MergeList(existing as JsonArray, listPatch, childPath),
                    _ => value.DeepClone(),
                };
                if (merged is null)
                {
                    target.Remove(key);
                }
                else if (!ReferenceEquals(merged, existing))
                {
                    if (merged.Parent is not null)
                    {
                        merged = merged.DeepClone();
                    }

                    target[key] = merged;
                }
            }

            if (directives)
            {
                foreach (var (key, value) in patch.Where(p => p.Key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal)))
                {
                    var field = key[SetElementOrderPrefix.Length..];
                    if (target[field] is JsonArray list && value is JsonArray order)
                    {
                        var rule = StrategicMergeSchema.Lookup(kind, path.Length == 0 ? field : $"{path}.{field}");
                        Reorder(list, order, rule.Strategy == ListMergeStrategy.MergeByKey ? rule.MergeKey : null);
                    }
                }
            }

            return target;
        }

        private JsonArray MergeList(JsonArray? target, JsonArray patch, string path)
        {
            var rule = StrategicMergeSchema.Lookup(kind, path);
            if (directives && patch.Any(e => e is JsonObject o && DirectiveOf(o, path) == "replace"))
            {
                return StripAll(patch.Where(e => !(e is JsonObject o && DirectiveOf(o, path) == "replace")), path);
            }

            switch (rule.Strategy)
            {
                case ListMergeStrategy.MergeSet:
                    target ??= [];
                    foreach (var item in patch)
                    {
                        if (!target.Any(t => JsonEquality.Equal(t, item)))
                        {
                            target.Add(item?.DeepClone());
                        }
                    }

                    return target;
                case ListMergeStrategy.MergeByKey:
                    return MergeByKey(target ?? [], patch, rule.MergeKey!, path);
                default:
                    return StripAll(patch, path);
            }
        }

        private JsonArray MergeByKey(JsonArray target, JsonArray patch, string key, string path)
        {
            foreach (var element in patch)
            {
                if (element is not JsonObject item)
                {
                    throw new InvalidPatchException($"{path}: list elements must be objects with merge key \"{key}\", got {element?.ToJsonString() ?? "null"}", path);
                }

                if (!item.TryGetPropertyValue(key, out var keyValue))
                {
                    throw new InvalidPatchException($"{path}: element {item.ToJsonString()} does not contain declared merge key: {key}", path);
                }

                bool Matches(JsonNode? t) => t is JsonObject o && o.TryGetPropertyValue(key, out var v) && JsonEquality.Equal(v, keyValue);

                if (directives && DirectiveOf(item, path) == "delete")
                {
                    RemoveWhere(target, Matches);
                    continue;
                }

                var index = IndexOf(target, Matches);
                if (index < 0)
                {
                    var added = MergeMap(null, item, path);
                    if (added is not null)
                    {
                        target.Add(added);
                    }

                    continue;
                }

                var merged = MergeMap((JsonObject)target[index]!, item, path);
                if (merged is null)
                {
                    target.RemoveAt(index);
                }
                else if (!ReferenceEquals(merged, target[index]))
                {
                    target[index] = merged;
                }
            }

            return target;
        }

        // Copies patch elements as sent, resolving directives inside maps so none leak into the stored object.
        private JsonArray StripAll(IEnumerable<JsonNode?> elements, string path)
        {
            var result = new JsonArray();
            foreach (var element in elements)
            {
                if (directives && element is JsonObject o && o.Any(p => p.Key.StartsWith('$')))
                {
                    var stripped = MergeMap(null, o, path);
                    if (stripped is not null)
                    {
                        result.Add(stripped);
                    }
                }
                else
                {
                    result.Add(element?.DeepClone());
                }
            }

            return result;
        }

        private static string? DirectiveOf(JsonObject patch, string path)
        {
            if (!patch.TryGetPropertyValue(PatchDirective, out var node))
            {
                return null;
            }

            var value = node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
            return value switch
            {
                "replace" or "delete" => value,
                "merge" => null,
                _ => throw new InvalidPatchException($"{PathOrRoot(path)}: unknown patch type \"{node?.ToJsonString()}\" in $patch", path),
            };
        }

        private static void ApplyRetainKeys(JsonObject target, JsonNode? retain, string path)
        {
            if (retain is not JsonArray keys || keys.Any(k => k is not JsonValue v || !v.TryGetValue(out string? _)))
            {
                throw new InvalidPatchException($"{PathOrRoot(path)}: $retainKeys must be a list of strings", path);
            }

            var keep = keys.Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var name in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                target.Remove(name);
            }
        }

        private static string PathOrRoot(string path) => path.Length == 0 ? "<root>" : path;
    }

    // The order list names elements by merge key (or by value for scalar lists); unnamed elements keep their order, last.
    private static void Reorder(JsonArray list, JsonArray order, string? mergeKey)
    {
        JsonNode? KeyOf(JsonNode? node) => mergeKey is null ? node : (node as JsonObject)?[mergeKey];

        var remaining = list.ToList();
        var sorted = new List<JsonNode?>();
        foreach (var wanted in order)
        {
            var wantedKey = KeyOf(wanted);
            var index = remaining.FindIndex(item => JsonEquality.Equal(KeyOf(item), wantedKey));
            if (index >= 0)
            {
                sorted.Add(remaining[index]);
                remaining.RemoveAt(index);
            }
        }

        sorted.AddRange(remaining);
        list.Clear();
        foreach (var item in sorted)
        {
            list.Add(item);
        }
    }

    private static int IndexOf(JsonArray list, Func<JsonNode?, bool> predicate)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (predicate(list[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void RemoveWhere(JsonArray list, Func<JsonNode?, bool> predicate)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (predicate(list[i]))
            {
                list.RemoveAt(i);
            }
        }
    }

    private sealed class InvalidPatchException(string message, string path) : Exception(message)
    {
        public string Path { get; } = path;
    }
}
