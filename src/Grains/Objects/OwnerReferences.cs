using System.Text.Json.Nodes;

namespace Actors.Grains.Objects;

/// <summary>Copies of an object with a controller reference added (adoption) or an owner's reference removed (release).</summary>
public static class OwnerReferences
{
    public static JsonObject WithController(JsonObject obj, JsonObject controllerReference)
    {
        var copy = obj.DeepClone().AsObject();
        var metadata = ObjectJson.Metadata(copy);
        var owners = metadata["ownerReferences"] as JsonArray ?? (JsonArray)(metadata["ownerReferences"] = new JsonArray());
        owners.Add(controllerReference.DeepClone());
        return copy;
    }

    public static JsonObject WithoutOwner(JsonObject obj, string ownerUid)
    {
        var copy = obj.DeepClone().AsObject();
        var metadata = ObjectJson.Metadata(copy);
        var kept = (metadata["ownerReferences"] as JsonArray ?? [])
            .Where(o => (string?)o?["uid"] != ownerUid).Select(o => o?.DeepClone()).ToArray();
        if (kept.Length == 0)
        {
            metadata.Remove("ownerReferences");
        }
        else
        {
            metadata["ownerReferences"] = new JsonArray(kept);
        }
        return copy;
    }
}
