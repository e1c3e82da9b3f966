using System.Text.Json.Nodes;

namespace Actors.Gateway.Patching;

/// <summary>
/// RFC 6902 JSON patch (add, remove, replace, move, copy, test). Atomic: works on a copy, so a failing operation
/// leaves the input untouched, and the error names the operation's index, op and path.
/// </summary>
internal static class JsonPatch
{
    public static PatchResult Apply(JsonNode? document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            return PatchResult.Fail("a JSON patch must be an array of operations");
        }

        var root = new JsonObject { ["doc"] = document?.DeepClone() };
        for (var i = 0; i < operations.Count; i++)
        {
            var error = ApplyOne(root, operations[i], i);
            if (error is not null)
            {
                return PatchResult.Fail(error);
            }
        }

        var result = root["doc"];
        root.Remove("doc");
        return PatchResult.Ok(result);
    }

    private static PatchError? ApplyOne(JsonObject root, JsonNode? operationNode, int index)
    {
        if (operationNode is not JsonObject operation)
        {
            return new PatchError($"operation {index}: not a JSON object", index);
        }

        var op = StringMember(operation, "op");
        var path = StringMember(operation, "path");
        PatchError Error(string message) => new($"operation {index} ({op} {path}): {message}", index, op, path);

        if (op is null)
        {
            return new PatchError($"operation {index}: missing \"op\"", index);
        }

        if (path is null)
        {
            return new PatchError($"operation {index} ({op}): missing \"path\"", index, op);
        }

        var tokens = JsonPointer.Parse(path);
        if (tokens is null)
        {
            return Error("malformed JSON pointer");
        }

        var hasValue = operation.TryGetPropertyValue("value", out var value);
        switch (op)
        {
            case "add":
                return hasValue ? Add(root, tokens, value?.DeepClone(), Error) : Error("missing \"value\"");
            case "remove":
                return Remove(root, tokens, Error, out _);
            case "replace":
                if (!hasValue)
                {
                    return Error("missing \"value\"");
                }

                return Remove(root, tokens, Error, out _) ?? Add(root, tokens, value?.DeepClone(), Error);
            case "test":
                if (!hasValue)
                {
                    return Error("missing \"value\"");
                }

                if (!TryGet(root, tokens, out var actual))
                {
                    return Error("path does not exist");
                }

                return JsonEquality.Equal(actual, value) ? null : Error("test failed: the value differs");
            case "move":
            case "copy":
                var from = StringMember(operation, "from");
                var fromTokens = from is null ? null : JsonPointer.Parse(from);
                if (fromTokens is null)
                {
                    return Error("missing or malformed \"from\"");
                }

                if (op == "move" && fromTokens.Count < tokens.Count && fromTokens.SequenceEqual(tokens.Take(fromTokens.Count)))
                {
                    return Error($"cannot move \"{from}\" into one of its own children");
                }

                if (!TryGet(root, fromTokens, out var source))
                {
                    return Error($"\"from\" path {from} does not exist");
                }

                if (op == "move")
                {
                    Remove(root, fromTokens, Error, out _);
                    return Add(root, tokens, source, Error);
                }

                return Add(root, tokens, source?.DeepClone(), Error);
            default:
                return Error($"unknown op \"{op}\"");
        }
    }

    private static string? StringMember(JsonObject operation, string name) =>
        operation[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    // The document lives under root["doc"] so that "" (the whole document) is just another member.
    private static IReadOnlyList<string> Rooted(IReadOnlyList<string> tokens) => ["doc", .. tokens];

    private static bool TryGet(JsonObject root, IReadOnlyList<string> tokens, out JsonNode? node)
    {
        JsonNode? current = root;
        foreach (var token in Rooted(tokens))
        {
            switch (current)
            {
                case JsonObject o when o.TryGetPropertyValue(token, out var child):
                    current = child;
                    break;
                case JsonArray a when JsonPointer.TryParseIndex(token, out var i) && i < a.Count:
                    current = a[i];
                    break;
                default:
                    node = null;
                    return false;
            }
        }

        node = current;
        return true;
    }

    private static PatchError? Add(JsonObject root, IReadOnlyList<string> tokens, JsonNode? value, Func<string, PatchError> error)
    {
        var rooted = Rooted(tokens);
        if (!TryGet(root, tokens.Take(tokens.Count - 1).ToList(), out var parent) && tokens.Count > 0)
        {
            return error("parent path does not exist");
        }

        if (tokens.Count == 0)
        {
            root["doc"] = value;
            return null;
        }

        var last = rooted[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                return null;
            case JsonArray a when last == "-":
                a.Add(value);
                return null;
            case JsonArray a when JsonPointer.TryParseIndex(last, out var i) && i <= a.Count:
                a.Insert(i, value);
                return null;
            case JsonArray:
                return error($"array index {last} is out of range");
            default:
                return error("parent is not an object or array");
        }
    }

    private static PatchError? Remove(JsonObject root, IReadOnlyList<string> tokens, Func<string, PatchError> error, out JsonNode? removed)
    {
        removed = null;
        if (!TryGet(root, tokens, out removed))
        {
            return error("path does not exist");
        }

        if (tokens.Count == 0)
        {
            root["doc"] = null;
            return null;
        }

        TryGet(root, tokens.Take(tokens.Count - 1).ToList(), out var parent);
        switch (parent)
        {
            case JsonObject o:
                o.Remove(tokens[^1]);
                break;
            case JsonArray a:
                a.RemoveAt(int.Parse(tokens[^1], System.Globalization.CultureInfo.InvariantCulture));
                break;
        }

        return null;
    }
}
