using System.Text.Json.Nodes;

namespace Actors.Gateway.Patching;

/// <summary>RFC 7386 JSON merge patch: objects merge recursively, <c>null</c> deletes, everything else replaces.</summary>
internal static class JsonMergePatch
{
    /// <summary>Returns the patched document; neither argument is modified. Every JSON value is a valid merge patch.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        MergeInto(result, patchObject);
        return result;
    }

    private static void MergeInto(JsonObject result, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonObject patchChild)
            {
                result.TryGetPropertyValue(key, out var existing);
                result[key] = Apply(existing, patchChild);
            }
            else
            {
                result[key] = value.DeepClone();
            }
        }
    }
}
